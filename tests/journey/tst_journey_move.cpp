// Moving items in the real window: by keyboard (Alt+Up/Down keeps the item selected, and
// steps over a category's header) and by dragging the handle with the mouse to the top,
// the middle and the end of a category and into another category.
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::statusWord;
using journey::textOf;

class TestJourneyMove : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    // The category header titled `name` in the items list.
    static QQuickItem *header(Person &p, const QString &name)
    {
        for (QQuickItem *h :
             p.findAll(QStringLiteral("section"), p.find(QStringLiteral("items")))) {
            if (h->property("text").toString() == name)
                return h;
        }
        return nullptr;
    }
    // The list as the screen shows it: headers in brackets, then their rows.
    static QString screen(Person &p)
    {
        QQuickItem *list = p.find(QStringLiteral("items"));
        QList<QPair<qreal, QString>> lines;
        for (QQuickItem *h : p.findAll(QStringLiteral("section"), list))
            lines.append({h->mapToItem(list, QPointF(0, 0)).y(),
                          QLatin1Char('[') + h->property("text").toString() + QLatin1Char(']')});
        for (QQuickItem *t : p.findAll(QStringLiteral("title"), list))
            lines.append({t->mapToItem(list, QPointF(0, 0)).y(), t->property("text").toString()});
        std::sort(lines.begin(), lines.end());
        QStringList out;
        for (const auto &l : lines)
            out.append(l.second);
        return out.join(QLatin1Char(' '));
    }
    // The row the list highlights (its current one).
    static QString highlighted(Person &p)
    {
        for (QQuickItem *t : p.findAll(QStringLiteral("title"), p.find(QStringLiteral("items")))) {
            QQuickItem *row = t;
            while (row && !row->inherits("QQuickItemDelegate"))
                row = row->parentItem();
            if (row && row->property("highlighted").toBool())
                return t->property("text").toString();
        }
        return {};
    }
    // Drags `title` by its handle until the pointer is at `y` (window coordinates).
    static bool dragTo(Person &p, const QString &title, qreal y)
    {
        QQuickItem *row = itemRow(p, title);
        QQuickItem *handle = row ? p.find(QStringLiteral("dragHandle"), row) : nullptr;
        if (!handle)
            return false;
        const QPointF at = handle->mapToScene(QPointF(handle->width() / 2, handle->height() / 2));
        return p.drag(handle, QPointF(at.x(), y));
    }
    static qreal middleOf(QQuickItem *item)
    {
        return item->mapToScene(QPointF(0, item->height() / 2)).y();
    }
    static bool setCategory(Person &p, const QString &title, const QString &category)
    {
        QQuickItem *row = itemRow(p, title);
        if (!row || !p.click(p.find(QStringLiteral("details"), row)))
            return false;
        if (!QTest::qWaitFor([&] { return p.visible(QStringLiteral("detailsDialog")); }, 3000))
            return false;
        if (!p.typeInto(QStringLiteral("Category"), category))
            return false;
        p.key(Qt::Key_Return);
        return QTest::qWaitFor([&] { return !p.visible(QStringLiteral("detailsDialog")); }, 3000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void moveByKeyboardAndDrag()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open(QSize(1100, 900)));
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@move.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum,
                                  {QStringLiteral("Milk"), QStringLiteral("Cheese"),
                                   QStringLiteral("Yogurt"), QStringLiteral("Apples"),
                                   QStringLiteral("Bananas"), QStringLiteral("Pears"),
                                   QStringLiteral("Party hats")}));
        for (const char *dairy : {"Milk", "Cheese", "Yogurt"})
            QVERIFY(setCategory(mum, QString::fromLatin1(dairy), QStringLiteral("Dairy")));
        for (const char *produce : {"Apples", "Bananas", "Pears"})
            QVERIFY(setCategory(mum, QString::fromLatin1(produce), QStringLiteral("Produce")));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Cheese Yogurt "
                                    "[Produce] Apples Bananas Pears [Other] Party hats"));

        // Keyboard: Alt+Up moves Cheese up and it stays the selected row, so F2 edits it.
        QVERIFY(mum.click(itemRow(mum, QStringLiteral("Cheese"))));
        mum.key(Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Cheese Milk Yogurt "
                                    "[Produce] Apples Bananas Pears [Other] Party hats"));
        QCOMPARE(highlighted(mum), QStringLiteral("Cheese"));
        mum.key(Qt::Key_F2);
        QTRY_VERIFY(mum.focused() && mum.focused()->objectName() == QLatin1String("editor"));
        QCOMPARE(mum.focused()->property("text").toString(), QStringLiteral("Cheese"));
        mum.key(Qt::Key_Escape);
        // Alt+Down three times: past Milk and Yogurt, then over the header to Produce's top.
        QTRY_COMPARE(highlighted(mum), QStringLiteral("Cheese"));
        QVERIFY(mum.click(itemRow(mum, QStringLiteral("Cheese"))));
        for (int i = 0; i < 3; ++i)
            mum.key(Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Yogurt "
                                    "[Produce] Cheese Apples Bananas Pears [Other] Party hats"));
        QCOMPARE(highlighted(mum), QStringLiteral("Cheese"));
        // Alt+Up takes it back over the header, to the end of Dairy; Ctrl+Z undoes that.
        mum.key(Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Yogurt Cheese "
                                    "[Produce] Apples Bananas Pears [Other] Party hats"));
        mum.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Yogurt "
                                    "[Produce] Cheese Apples Bananas Pears [Other] Party hats"));
        mum.key(Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Yogurt Cheese "
                                    "[Produce] Apples Bananas Pears [Other] Party hats"));

        // Drag to the top of a category: released just under the "Produce" header.
        QQuickItem *produce = header(mum, QStringLiteral("Produce"));
        QVERIFY(produce);
        QVERIFY(dragTo(mum, QStringLiteral("Pears"),
                       produce->mapToScene(QPointF(0, produce->height() - 3)).y()));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Milk Yogurt Cheese "
                                    "[Produce] Pears Apples Bananas [Other] Party hats"));
        // Into the middle: Milk dropped on Yogurt goes below it (the line shows there).
        QVERIFY(
            dragTo(mum, QStringLiteral("Milk"), middleOf(itemRow(mum, QStringLiteral("Yogurt")))));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Yogurt Milk Cheese "
                                    "[Produce] Pears Apples Bananas [Other] Party hats"));
        // To the end of a category: Pears dropped on Bananas.
        QVERIFY(dragTo(mum, QStringLiteral("Pears"),
                       middleOf(itemRow(mum, QStringLiteral("Bananas")))));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Yogurt Milk Cheese "
                                    "[Produce] Apples Bananas Pears [Other] Party hats"));
        // Across categories: Party hats dropped on Cheese becomes Dairy, above Cheese.
        QVERIFY(dragTo(mum, QStringLiteral("Party hats"),
                       middleOf(itemRow(mum, QStringLiteral("Cheese")))));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Yogurt Milk Party hats Cheese "
                                    "[Produce] Apples Bananas Pears"));
        QVERIFY(mum.shows(QStringLiteral("Party hats moved to Dairy")));
        // Down onto a category's header: the top of that category.
        produce = header(mum, QStringLiteral("Produce"));
        QVERIFY(dragTo(mum, QStringLiteral("Milk"),
                       produce->mapToScene(QPointF(0, produce->height() - 3)).y()));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Yogurt Party hats Cheese "
                                    "[Produce] Milk Apples Bananas Pears"));
        // The order stays after the app is closed and started again.
        mum.close();
        QVERIFY(mum.open(QSize(1100, 900)));
        QTRY_COMPARE(screen(mum),
                     QStringLiteral("[Dairy] Yogurt Party hats Cheese "
                                    "[Produce] Milk Apples Bananas Pears"));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyMove)

#include "tst_journey_move.moc"
