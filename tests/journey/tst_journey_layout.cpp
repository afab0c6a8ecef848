// The window at the widths a family uses it (a phone-sized window, half a laptop screen, a
// desktop, a wide monitor), in light and dark: the list's title and the connection status
// always show, narrow windows keep the lists in a drawer, rows do not overlap, and every
// control has a name a screen reader can say. Saves screenshots of each.
#include "journey.h"

#include <QAccessible>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

#include <functional>

using journey::Person;
using journey::sceneRect;

class TestJourneyLayout : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    // Whether `item` lies wholly inside the window.
    static bool inside(Person &p, QQuickItem *item)
    {
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        return r.left() >= -0.5 && r.top() >= -0.5 && r.right() <= p.window()->width() + 0.5 &&
            r.bottom() <= p.window()->height() + 0.5 && r.width() > 0 && r.height() > 0;
    }

    // The words inside `popup`'s content (a dialog, by objectName; not its title or
    // buttons) that run past the content's right edge, cut off: a wide control in a layout
    // widens every row of it past the dialog.
    static QStringList cutOff(Person &p, const QString &popup)
    {
        QQuickItem *dialog = p.find(popup);
        QQuickItem *box = dialog ? dialog->property("contentItem").value<QQuickItem *>() : nullptr;
        if (!box)
            return {QStringLiteral("(no %1)").arg(popup)};
        const qreal right = box->mapToScene(QPointF(box->width(), 0)).x();
        QStringList cut;
        std::function<void(QQuickItem *)> visit = [&](QQuickItem *item) {
            if (!item->isVisible())
                return;
            const qreal wide = std::max(item->width(), item->property("contentWidth").toReal());
            if (item->inherits("QQuickText") && !journey::textOf(item).isEmpty() &&
                item->mapToScene(QPointF(wide, 0)).x() > right + 0.5)
                cut.append(journey::textOf(item));
            const QList<QQuickItem *> children = item->childItems();
            for (QQuickItem *child : children)
                visit(child);
        };
        visit(box);
        return cut;
    }

    // The texts inside `item` that are elided ("Einstellun…").
    static QStringList elided(QQuickItem *item)
    {
        QStringList cut;
        std::function<void(QQuickItem *)> visit = [&](QQuickItem *it) {
            if (it->inherits("QQuickText") && it->property("truncated").toBool())
                cut.append(journey::textOf(it));
            const QList<QQuickItem *> children = it->childItems();
            for (QQuickItem *child : children)
                visit(child);
        };
        if (item)
            visit(item);
        return cut;
    }

    // What every width must show: the title in full, the status, rows whose parts do not
    // overlap, quantities beside their titles.
    static void checkLayout(Person &p, int width)
    {
        QQuickItem *title = p.find(QStringLiteral("listTitle"));
        QVERIFY2(title && inside(p, title), qPrintable(QString::number(width)));
        QVERIFY2(!title->property("truncated").toBool(),
                 qPrintable(QStringLiteral("title elided at %1 px").arg(width)));
        QQuickItem *status = p.find(QStringLiteral("status"));
        QVERIFY2(status && inside(p, status), qPrintable(QString::number(width)));
        QVERIFY(!sceneRect(title).intersects(sceneRect(status)));
        // The side bar: beside the list when wide, in a drawer when narrow.
        QCOMPARE(p.visible(QStringLiteral("menuButton")), width < 760);
        QCOMPARE(p.find(QStringLiteral("lists")) != nullptr, width >= 760);
        // Each row: title, quantity, details and delete side by side, inside the window.
        QQuickItem *items = p.find(QStringLiteral("items"));
        QVERIFY(items);
        const QList<QQuickItem *> titles = p.findAll(QStringLiteral("title"), items);
        QVERIFY(!titles.isEmpty());
        for (QQuickItem *t : titles) {
            QQuickItem *row = t;
            while (row && row->parentItem() != items->property("contentItem").value<QQuickItem *>())
                row = row->parentItem();
            QVERIFY(row);
            QQuickItem *details = p.find(QStringLiteral("details"), row);
            QQuickItem *del = p.find(QStringLiteral("delete"), row);
            QVERIFY(details && del);
            QVERIFY2(inside(p, del), qPrintable(t->property("text").toString()));
            QVERIFY2(
                sceneRect(t).right() <= sceneRect(details).left(),
                qPrintable(
                    QStringLiteral("%1 at %2 px").arg(t->property("text").toString()).arg(width)));
            QQuickItem *quantity = p.find(QStringLiteral("quantity"), row);
            if (quantity) {
                QVERIFY(sceneRect(t).right() <= sceneRect(quantity).left());
                QVERIFY(sceneRect(quantity).right() <= sceneRect(details).left());
                QVERIFY(qAbs(sceneRect(quantity).center().y() - sceneRect(t).center().y()) < 4);
            }
        }
    }

    // Every control a person can reach has a name: buttons, fields, boxes, lists.
    static QStringList unnamedControls(Person &p)
    {
        QStringList unnamed;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            if (!item->isVisible())
                return;
            const bool control = item->inherits("QQuickAbstractButton") ||
                item->inherits("QQuickTextInput") || item->inherits("QQuickComboBox") ||
                item->inherits("QQuickItemView");
            if (control && item->isEnabled() && item->opacity() > 0 &&
                Person::accessibleName(item).trimmed().isEmpty()) {
                unnamed.append(
                    QStringLiteral("%1 \"%2\" in %3")
                        .arg(QString::fromLatin1(item->metaObject()->className()),
                             item->objectName(),
                             item->parentItem() ? item->parentItem()->objectName() : QString()));
            }
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(p.window()->contentItem());
        return unnamed;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void everyWidth()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open(QSize(1280, 800)));
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@layout.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Weekly shop"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum,
                                  {QStringLiteral("Milk"), QStringLiteral("Sourdough bread"),
                                   QStringLiteral("Washing-up liquid, the big bottle")}));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Take the bins out")}));
        QVERIFY(mum.click(mum.row(QStringLiteral("lists"), QStringLiteral("Weekly shop, 3 open"))));
        QTRY_COMPARE(mum.find(QStringLiteral("listTitle"))->property("text").toString(),
                     QStringLiteral("Weekly shop"));

        for (const int width : {1280, 800, 600, 420}) {
            mum.resize(QSize(width, 800));
            QTRY_COMPARE(mum.visible(QStringLiteral("menuButton")), width < 760);
            checkLayout(mum, width);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(unnamedControls(mum).isEmpty(),
                     qPrintable(unnamedControls(mum).join(QLatin1String("; "))));
            QVERIFY(mum.screenshot(QStringLiteral("main-%1-light").arg(width)));
        }

        // At 420 px: the drawer shows the lists; choosing one closes it.
        QVERIFY(mum.click(QStringLiteral("menuButton")));
        QTRY_VERIFY(mum.find(QStringLiteral("drawer")));
        QTRY_COMPARE(mum.find(QStringLiteral("drawer"))->parent()->property("position").toReal(),
                     1.0);
        QVERIFY(mum.row(QStringLiteral("lists"), QStringLiteral("Chores, 1 to do")));
        QVERIFY(mum.screenshot(QStringLiteral("main-420-drawer")));
        QVERIFY(mum.click(mum.row(QStringLiteral("lists"), QStringLiteral("Chores, 1 to do"))));
        QTRY_COMPARE(mum.find(QStringLiteral("listTitle"))->property("text").toString(),
                     QStringLiteral("Chores"));
        QTRY_VERIFY(!mum.find(QStringLiteral("lists")));
        // Widened again, the side bar is back beside the list.
        mum.resize(QSize(1280, 800));
        QTRY_VERIFY(mum.find(QStringLiteral("lists")));
        QVERIFY(mum.click(mum.row(QStringLiteral("lists"), QStringLiteral("Weekly shop, 3 open"))));

        // Settings: the dark theme, at once; the layout holds in it too.
        QVERIFY(mum.click(QStringLiteral("settings")));
        QTRY_VERIFY(mum.visible(QStringLiteral("themeDark")));
        QVERIFY(mum.click(QStringLiteral("themeDark")));
        QVERIFY(mum.click(QStringLiteral("settingsClose")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("settingsDialog")));
        QTRY_VERIFY(mum.window()->color().lightness() < 80);
        for (const int width : {1280, 800, 420}) {
            mum.resize(QSize(width, 800));
            QTRY_COMPARE(mum.visible(QStringLiteral("menuButton")), width < 760);
            checkLayout(mum, width);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(mum.screenshot(QStringLiteral("main-%1-dark").arg(width)));
        }
        // Today, dark and narrow: the title, the "only mine" switch and the status side by
        // side; each row's tick, title and when inside the window.
        QVERIFY(mum.click(QStringLiteral("menuButton")));
        QTRY_VERIFY(mum.find(QStringLiteral("lists")));
        QVERIFY(journey::openList(mum, QStringLiteral("Chores")));
        QTRY_VERIFY(!mum.find(QStringLiteral("lists")));
        QVERIFY(journey::planTask(mum, QStringLiteral("Take the bins out"), QDate::currentDate(),
                                  QStringLiteral("Mum")));
        mum.key(Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(mum.visible(QStringLiteral("todayRow")));
        QQuickItem *mine = mum.find(QStringLiteral("mineOnly"));
        QVERIFY(mine && inside(mum, mine));
        QTRY_COMPARE(journey::textOf(mum.find(QStringLiteral("listTitle"))),
                     QStringLiteral("Today"));
        QTRY_VERIFY(!sceneRect(mum.find(QStringLiteral("listTitle"))).intersects(sceneRect(mine)));
        QTRY_VERIFY(!sceneRect(mine).intersects(sceneRect(mum.find(QStringLiteral("status")))));
        for (const char *part : {"todayDone", "todayTitle", "todayWhen"})
            QVERIFY2(inside(mum, mum.find(QLatin1String(part))), part);
        QVERIFY(mum.screenshot(QStringLiteral("today-420-dark")));
        // The theme is remembered for the next start.
        mum.close();
        QVERIFY(mum.open(QSize(800, 800)));
        QTRY_VERIFY(mum.visible(QStringLiteral("listTitle")));
        QTRY_VERIFY(mum.window()->color().lightness() < 80);
    }

    // Settings: the language changes the whole window at once, and stays.
    void language()
    {
        Person oma(m_server.address());
        QVERIFY(oma.open(QSize(1000, 760)));
        QVERIFY(journey::signUp(oma, QStringLiteral("Oma"), QStringLiteral("oma@layout.example"),
                                QStringLiteral("Familie Weber")));
        QVERIFY(journey::makeList(oma, QStringLiteral("Einkauf"), QStringLiteral("shopping")));
        QVERIFY(journey::chooseLanguage(oma, QStringLiteral("Deutsch")));
        QTRY_COMPARE(oma.find(QStringLiteral("settingsClose"))->property("text").toString(),
                     QStringLiteral("Schließen"));
        // Its longer words wrap inside the dialog: none run past its edge.
        oma.settle();
        QTRY_VERIFY2(
            cutOff(oma, QStringLiteral("settingsDialog")).isEmpty(),
            qPrintable(cutOff(oma, QStringLiteral("settingsDialog")).join(QStringLiteral(" | "))));
        QVERIFY(oma.screenshot(QStringLiteral("settings-de")));
        QVERIFY(oma.click(QStringLiteral("settingsClose")));
        QTRY_VERIFY(!oma.visible(QStringLiteral("settingsDialog")));
        const QString placeholder =
            oma.find(QStringLiteral("newItem"))->property("placeholderText").toString();
        QCOMPARE(placeholder, QStringLiteral("Eintrag eingeben und mit Enter hinzufügen"));
        // The side bar's buttons say their German words whole.
        for (const char *button : {"invite", "settings"})
            QVERIFY2(elided(oma.find(QLatin1String(button))).isEmpty(),
                     qPrintable(elided(oma.find(QLatin1String(button))).join(QLatin1Char('|'))));
        QVERIFY(oma.screenshot(QStringLiteral("main-1000-de")));
        oma.close();
        QVERIFY(oma.open(QSize(1000, 760)));
        QTRY_VERIFY(oma.visible(QStringLiteral("newItem")));
        QCOMPARE(oma.find(QStringLiteral("newItem"))->property("placeholderText").toString(),
                 placeholder);
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyLayout)

#include "tst_journey_layout.moc"
