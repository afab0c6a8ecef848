// Quick entry as a family types: "2 l milk" is two litres of milk, filed under dairy by
// the app's dictionary; "apples x3" three apples. Mum moves milk to a category of the
// family's own ("Fridge"); next time, typing "mi" suggests Milk (on Dad's computer too,
// learnt from her changes), and the milk added from the suggestion goes to the Fridge.
// In German, "500 g Mehl" is 500 g of flour under Vorrat.
#include "journey.h"

#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::Person;
using journey::textOf;

namespace {

// Types into "Add an item" and presses Enter; true once a row titled `title` shows.
bool add(Person &p, const QString &typed, const QString &title)
{
    if (!p.typeInto(QStringLiteral("newItem"), typed))
        return false;
    p.key(Qt::Key_Return);
    return QTest::qWaitFor([&] { return p.itemTitles().contains(title); }, 5000);
}

// The category header the row titled `title` sits under.
QString sectionOf(Person &p, const QString &title)
{
    QQuickItem *row = journey::itemRow(p, title);
    if (!row)
        return {};
    QString best;
    qreal bestY = -1e9;
    const qreal rowY = journey::sceneRect(row).top();
    for (QQuickItem *section : p.findAll(QStringLiteral("section"))) {
        const qreal y = journey::sceneRect(section).top();
        if (y <= rowY && y > bestY) {
            bestY = y;
            best = textOf(section);
        }
    }
    return best;
}

QStringList suggestionTitles(Person &p)
{
    QStringList titles;
    for (QQuickItem *s : p.findAll(QStringLiteral("suggestion")))
        titles << s->property("text").toString();
    return titles;
}

} // namespace

class TestJourneyQuickEntry : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void amountsSuggestionsAndCategories()
    {
        Person mum(m_server.address());
        Person dad(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@quick.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        const QString code = journey::inviteCode(mum);
        QVERIFY(!code.isEmpty());
        QVERIFY(dad.open(QSize(900, 720)));
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@quick.example"), {},
                                code));
        QTRY_VERIFY_WITH_TIMEOUT(dad.shows(QStringLiteral("Groceries")), 10000);
        QVERIFY(journey::openList(dad, QStringLiteral("Groceries")));

        // Amounts, units and titles, filed by the dictionary.
        QVERIFY(add(mum, QStringLiteral("2 l milk"), QStringLiteral("milk")));
        QVERIFY(add(mum, QStringLiteral("apples x3"), QStringLiteral("apples")));
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("milk"), QStringLiteral("quantity"))),
                     QStringLiteral("2 l"));
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("apples"), QStringLiteral("quantity"))),
                     QStringLiteral("×3"));
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("milk")), QStringLiteral("Dairy & eggs"));
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("apples")),
                     QStringLiteral("Fruit & vegetables"));
        QTRY_COMPARE(sectionOf(dad, QStringLiteral("milk")), QStringLiteral("Dairy & eggs"));

        // The family keeps milk in a category of its own.
        QVERIFY(mum.click(inRow(mum, QStringLiteral("milk"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(mum.typeInto(QStringLiteral("Category"), QStringLiteral("Fridge")));
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("milk")), QStringLiteral("Fridge"));
        QTRY_COMPARE(sectionOf(dad, QStringLiteral("milk")), QStringLiteral("Fridge"));
        // More milk: what is typed is added to what is on the list, in its unit; in
        // another unit it can only be a row of its own.
        QVERIFY(mum.typeInto(QStringLiteral("newItem"), QStringLiteral("1,5 l Milk")));
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(mum.visible(QStringLiteral("addMore")));
        QCOMPARE(textOf(mum.find(QStringLiteral("addMore"))), QStringLiteral("Add 1.5 l more"));
        QVERIFY(mum.click(QStringLiteral("addMore")));
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("milk"), QStringLiteral("quantity"))),
                     QStringLiteral("3.5 l"));
        QTRY_COMPARE(textOf(inRow(dad, QStringLiteral("milk"), QStringLiteral("quantity"))),
                     QStringLiteral("3.5 l"));
        QVERIFY(mum.typeInto(QStringLiteral("newItem"), QStringLiteral("2 bottles milk")));
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(mum.visible(QStringLiteral("addAnyway")));
        QVERIFY(!mum.visible(QStringLiteral("addMore")));
        mum.key(Qt::Key_Return); // (Enter again adds nothing it cannot add)
        QVERIFY(mum.click(QStringLiteral("dismissDuplicate")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("addAnyway")));
        QCOMPARE(mum.itemTitles().count(QStringLiteral("milk")), 1);
        QCOMPARE(textOf(inRow(mum, QStringLiteral("milk"), QStringLiteral("quantity"))),
                 QStringLiteral("3.5 l"));
        // Bought: checked off (and so no longer open on the list).
        QVERIFY(mum.click(inRow(mum, QStringLiteral("milk"), QStringLiteral("check"))));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("milk")));
        QTRY_VERIFY(!dad.itemTitles().contains(QStringLiteral("milk")));

        // Next week Dad types "mi": his computer suggests it, learnt from Mum's changes;
        // the arrow key and Enter add it, into the family's Fridge.
        QVERIFY(dad.typeInto(QStringLiteral("newItem"), QStringLiteral("mi")));
        QTRY_VERIFY(dad.visible(QStringLiteral("suggestions")));
        QCOMPARE(suggestionTitles(dad), QStringList {QStringLiteral("milk")});
        QVERIFY(dad.shows(QStringLiteral("l · Fridge")));
        dad.settle();
        QVERIFY(dad.screenshot(QStringLiteral("quick-entry-suggestions")));
        dad.key(Qt::Key_Down);
        dad.key(Qt::Key_Return);
        QTRY_VERIFY(dad.itemTitles().contains(QStringLiteral("milk")));
        QTRY_VERIFY(!dad.visible(QStringLiteral("suggestions")));
        QCOMPARE(textOf(dad.find(QStringLiteral("newItem"))), QString());
        QTRY_COMPARE(sectionOf(dad, QStringLiteral("milk")), QStringLiteral("Fridge"));
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("milk")), QStringLiteral("Fridge"));

        // Open on the list, it is not suggested again; Escape closes what is suggested.
        QVERIFY(mum.typeInto(QStringLiteral("newItem"), QStringLiteral("app")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("suggestions")) ||
                    !suggestionTitles(mum).contains(QStringLiteral("apples")));
        QVERIFY(mum.typeInto(QStringLiteral("newItem"), QStringLiteral("m")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("suggestions")));
        // A click on a suggestion adds it: the apples, once bought.
        QVERIFY(mum.click(inRow(mum, QStringLiteral("apples"), QStringLiteral("check"))));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("apples")));
        QVERIFY(mum.typeInto(QStringLiteral("newItem"), QStringLiteral("4 ap")));
        QTRY_VERIFY(mum.visible(QStringLiteral("suggestions")));
        QCOMPARE(suggestionTitles(mum), QStringList {QStringLiteral("apples")});
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("suggestions")));
        mum.type(QStringLiteral("p"));
        QTRY_VERIFY(mum.visible(QStringLiteral("suggestions")));
        QVERIFY(mum.click(mum.find(QStringLiteral("suggestion"))));
        QTRY_VERIFY(mum.itemTitles().contains(QStringLiteral("apples")));
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("apples"), QStringLiteral("quantity"))),
                     QStringLiteral("×4"));
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("apples")),
                     QStringLiteral("Fruit & vegetables"));
    }

    // The family walks the shop Fridge first: they move it to the top of the order of
    // categories (a click, then Alt+Up on the keyboard), and both lists group so.
    void orderOfCategories()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum2@quick.example"),
                                QStringLiteral("The Joneses")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(add(mum, QStringLiteral("apples"), QStringLiteral("apples")));
        QVERIFY(add(mum, QStringLiteral("yoghurt"), QStringLiteral("yoghurt")));
        QVERIFY(mum.click(inRow(mum, QStringLiteral("yoghurt"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(mum.typeInto(QStringLiteral("Category"), QStringLiteral("Fridge")));
        mum.key(Qt::Key_Return);
        QTRY_COMPARE(sectionOf(mum, QStringLiteral("yoghurt")), QStringLiteral("Fridge"));
        // The shop's order first, a category of the family's own after it.
        QTRY_COMPARE(mum.itemTitles(),
                     (QStringList {QStringLiteral("apples"), QStringLiteral("yoghurt")}));

        QVERIFY(mum.click(QStringLiteral("listMenuButton")));
        QQuickItem *order = nullptr;
        QTRY_VERIFY((order = mum.inPopup(QStringLiteral("categoryOrderMenu"))));
        QVERIFY(mum.click(order));
        QTRY_VERIFY(mum.visible(QStringLiteral("categoryOrderDialog")));
        QQuickItem *up = nullptr;
        QTRY_VERIFY((up = mum.find(QStringLiteral("Move Fridge up"))));
        QVERIFY(mum.click(up));
        for (int i = 0; i < 20; ++i)
            mum.key(Qt::Key_Up, Qt::AltModifier);
        QTRY_VERIFY2(mum.shows(QStringLiteral("1.  Fridge")),
                     qPrintable(mum.texts(mum.find(QStringLiteral("categoryOrderList")))
                                    .join(QStringLiteral(" | "))));
        QTRY_VERIFY((up = mum.find(QStringLiteral("Move Fridge up"))) && !up->isEnabled());
        mum.settle();
        QVERIFY(mum.screenshot(QStringLiteral("category-order")));
        QVERIFY(mum.click(QStringLiteral("categoryOrderSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("categoryOrderDialog")));
        QTRY_COMPARE(mum.itemTitles(),
                     (QStringList {QStringLiteral("yoghurt"), QStringLiteral("apples")}));
        // It is the list's (a field of it, synced like its name): it stays across a restart.
        mum.close();
        QVERIFY(mum.open());
        QTRY_VERIFY(journey::openList(mum, QStringLiteral("Groceries")));
        QTRY_COMPARE(mum.itemTitles(),
                     (QStringList {QStringLiteral("yoghurt"), QStringLiteral("apples")}));
    }

    // In German the dictionary is German, and "1,5 kg Kartoffeln" reads the German way.
    void german()
    {
        Person oma(m_server.address());
        QVERIFY(oma.open());
        QVERIFY(journey::signUp(oma, QStringLiteral("Oma"), QStringLiteral("oma@quick.example"),
                                QStringLiteral("Familie Weber")));
        QVERIFY(journey::chooseLanguage(oma, QStringLiteral("Deutsch")));
        QVERIFY(oma.click(QStringLiteral("settingsClose")));
        QTRY_VERIFY(!oma.visible(QStringLiteral("settingsDialog")));
        QVERIFY(journey::makeList(oma, QStringLiteral("Einkauf"), QStringLiteral("shopping")));
        QVERIFY(add(oma, QStringLiteral("500 g Mehl"), QStringLiteral("Mehl")));
        QVERIFY(add(oma, QStringLiteral("1,5 kg Kartoffeln"), QStringLiteral("Kartoffeln")));
        QTRY_COMPARE(sectionOf(oma, QStringLiteral("Mehl")), QStringLiteral("Vorrat"));
        QTRY_COMPARE(sectionOf(oma, QStringLiteral("Kartoffeln")), QStringLiteral("Obst & Gemüse"));
        QTRY_VERIFY(textOf(inRow(oma, QStringLiteral("Kartoffeln"), QStringLiteral("quantity"))) ==
                    QStringLiteral("1,5 kg"));
        oma.settle();
        QVERIFY(oma.screenshot(QStringLiteral("quick-entry-de")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyQuickEntry)

#include "tst_journey_quickentry.moc"
