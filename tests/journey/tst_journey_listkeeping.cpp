// Lists as a family keeps them, in two windows on one server: Mum clears the done items,
// renames a list and gives it a colour, reorders the side bar by keyboard and by drag,
// archives a list and takes it back, deletes one (after a question that says how many
// items go) and undoes that; Dad sees each change arrive, and the activity says who.
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>

using journey::inRow;
using journey::Person;
using journey::textOf;

namespace {
// The names the side bar shows, top to bottom.
QStringList sideBar(const Person &p)
{
    QQuickItem *view = p.find(QStringLiteral("lists"));
    if (!view)
        return {};
    QList<QQuickItem *> rows;
    const auto children = view->property("contentItem").value<QQuickItem *>()->childItems();
    for (QQuickItem *child : children) {
        if (child->isVisible() && child->property("listId").isValid())
            rows.append(child);
    }
    std::sort(rows.begin(), rows.end(),
              [](const QQuickItem *a, const QQuickItem *b) { return a->y() < b->y(); });
    QStringList names;
    for (const QQuickItem *row : std::as_const(rows))
        names.append(row->property("name").toString());
    return names;
}

QQuickItem *sideBarRow(const Person &p, const QString &name)
{
    QQuickItem *view = p.find(QStringLiteral("lists"));
    const auto children = view->property("contentItem").value<QQuickItem *>()->childItems();
    for (QQuickItem *child : children) {
        if (child->isVisible() && child->property("name").toString() == name)
            return child;
    }
    return nullptr;
}

} // namespace

class TestJourneyListKeeping : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void keepTheFamilysLists()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@lists.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Camping"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Tent")}));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(
            mum, {QStringLiteral("Milk"), QStringLiteral("Eggs"), QStringLiteral("Bread")}));

        const QString code = journey::inviteCode(mum);
        QVERIFY(!code.isEmpty());
        Person dad(m_server.address());
        QVERIFY(dad.open());
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@lists.example"), {},
                                code));
        const QStringList made {QStringLiteral("Chores"), QStringLiteral("Camping"),
                                QStringLiteral("Groceries")};
        QTRY_COMPARE(sideBar(dad), made);
        QCOMPARE(sideBar(mum), made);

        // Clear done items: Mum checks off two, clears them, undoes, clears again.
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Milk"), QStringLiteral("check"))));
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Eggs"), QStringLiteral("check"))));
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("toggleDone"))),
                     QStringLiteral("Show 2 done items"));
        QVERIFY(mum.click(QStringLiteral("clearDone")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("toggleDone")));
        QTRY_VERIFY(mum.shows(QStringLiteral("2 done items cleared")));
        QTRY_VERIFY(dad.row(QStringLiteral("lists"), QStringLiteral("Groceries, 1 open")));
        QVERIFY(mum.click(mum.find(QStringLiteral("undo"), mum.find(QStringLiteral("undoBar")))));
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("toggleDone"))),
                     QStringLiteral("Show 2 done items"));
        QVERIFY(mum.click(QStringLiteral("clearDone")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("toggleDone")));
        QTRY_COMPARE(mum.itemTitles(), QStringList {QStringLiteral("Bread")});

        // Rename and colour, from the list's menu in the header.
        QVERIFY(mum.click(QStringLiteral("listMenuButton")));
        QTRY_VERIFY(mum.inPopup(QStringLiteral("editList")));
        mum.settle();
        QVERIFY(mum.screenshot(QStringLiteral("list-menu")));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("editList"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("editListDialog")));
        QVERIFY(mum.typeInto(QStringLiteral("editListName"), QStringLiteral("Weekly shop")));
        QVERIFY(mum.click(QStringLiteral("color_teal")));
        QVERIFY(mum.screenshot(QStringLiteral("list-rename-colour")));
        QVERIFY(mum.click(QStringLiteral("editListSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("editListDialog")));
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Weekly shop"));
        QVERIFY(mum.visible(QStringLiteral("listColor")));
        QTRY_COMPARE(sideBar(dad),
                     (QStringList {QStringLiteral("Chores"), QStringLiteral("Camping"),
                                   QStringLiteral("Weekly shop")}));
        // Dad hears of it in a toast; a colour alone would not be news.
        QTRY_VERIFY(dad.shows(QStringLiteral("Mum renamed a list to Weekly shop")));
        QVERIFY(journey::activityShows(dad, QStringLiteral("Mum renamed the list to Weekly shop")));
        QVERIFY(dad.click(QStringLiteral("activityButton"))); // closes the panel

        // Reorder by keyboard: Weekly shop goes to the top with Alt+Up, twice.
        // (Ctrl+L: the keyboard goes to the side bar, on the open list.)
        QVERIFY(mum.click(sideBarRow(mum, QStringLiteral("Weekly shop"))));
        mum.key(Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(mum.find(QStringLiteral("lists"))->hasActiveFocus());
        mum.key(Qt::Key_Up, Qt::AltModifier);
        mum.key(Qt::Key_Up, Qt::AltModifier);
        const QStringList shopFirst {QStringLiteral("Weekly shop"), QStringLiteral("Chores"),
                                     QStringLiteral("Camping")};
        QTRY_COMPARE(sideBar(mum), shopFirst);
        QTRY_COMPARE(sideBar(dad), shopFirst);

        // Reorder by drag: Camping by its handle onto the top row.
        QQuickItem *handle =
            mum.find(QStringLiteral("listDragHandle"), sideBarRow(mum, QStringLiteral("Camping")));
        QVERIFY(mum.hover(handle));
        QQuickItem *top = sideBarRow(mum, QStringLiteral("Weekly shop"));
        QVERIFY(mum.drag(handle, top->mapToScene(QPointF(top->width() / 2, 4))));
        const QStringList campingFirst {QStringLiteral("Camping"), QStringLiteral("Weekly shop"),
                                        QStringLiteral("Chores")};
        QTRY_COMPARE(sideBar(mum), campingFirst);
        QTRY_COMPARE(sideBar(dad), campingFirst);

        // Archive Camping from its row's menu (a right click): it leaves both side bars
        // for the archive, opens from there, and comes back with one click.
        QVERIFY(mum.click(sideBarRow(mum, QStringLiteral("Camping")), QPointF(-1, -1),
                          Qt::RightButton));
        QTRY_VERIFY(mum.inPopup(QStringLiteral("archiveList")));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("archiveList"))));
        const QStringList inUse {QStringLiteral("Weekly shop"), QStringLiteral("Chores")};
        QTRY_COMPARE(sideBar(mum), inUse);
        QTRY_COMPARE(sideBar(dad), inUse);
        QTRY_VERIFY(dad.shows(QStringLiteral("Mum archived the list Camping")));
        QTRY_COMPARE(textOf(dad.find(QStringLiteral("archivedToggle"))),
                     QStringLiteral("Archived (1)"));
        QVERIFY(dad.click(QStringLiteral("archivedToggle")));
        QVERIFY(dad.click(QStringLiteral("Camping (archived)")));
        QTRY_COMPARE(textOf(dad.find(QStringLiteral("listTitle"))), QStringLiteral("Camping"));
        QCOMPARE(dad.itemTitles(), QStringList {QStringLiteral("Tent")});
        QVERIFY(dad.visible(QStringLiteral("unarchive")));
        QVERIFY(dad.screenshot(QStringLiteral("list-archived")));
        QVERIFY(dad.click(QStringLiteral("unarchive")));
        QTRY_VERIFY(!dad.visible(QStringLiteral("unarchive")));
        QTRY_COMPARE(sideBar(mum), campingFirst);
        QVERIFY(!mum.visible(QStringLiteral("archivedToggle")));

        // Delete, by keyboard from the side bar: the question says how many items go;
        // Cancel keeps the list, Delete takes it from both; Undo brings it back open.
        QVERIFY(mum.click(sideBarRow(mum, QStringLiteral("Weekly shop"))));
        mum.key(Qt::Key_L, Qt::ControlModifier);
        mum.key(Qt::Key_Menu);
        QTRY_VERIFY(mum.inPopup(QStringLiteral("deleteList")));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("deleteList"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("deleteListDialog")));
        QCOMPARE(textOf(mum.find(QStringLiteral("deleteListText"))),
                 QStringLiteral("Its 1 item goes with it, for everyone in the household."));
        QVERIFY(mum.shows(QStringLiteral("Delete “Weekly shop”?")));
        QVERIFY(mum.click(QStringLiteral("deleteListCancel")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("deleteListDialog")));
        QCOMPARE(sideBar(mum), campingFirst);

        QVERIFY(mum.click(QStringLiteral("listMenuButton")));
        QTRY_VERIFY(mum.inPopup(QStringLiteral("deleteList")));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("deleteList"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("deleteListDialog")));
        QVERIFY(mum.screenshot(QStringLiteral("list-delete-question")));
        QVERIFY(mum.click(QStringLiteral("deleteListConfirm")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("deleteListDialog")));
        const QStringList afterDelete {QStringLiteral("Camping"), QStringLiteral("Chores")};
        QTRY_COMPARE(sideBar(mum), afterDelete);
        QTRY_COMPARE(sideBar(dad), afterDelete);
        QTRY_VERIFY(dad.shows(QStringLiteral("Mum deleted the list Weekly shop")));
        // The open list gave way to its neighbour.
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Chores"));
        QTRY_VERIFY(mum.shows(QStringLiteral("Weekly shop deleted")));
        QVERIFY(mum.click(mum.find(QStringLiteral("undo"), mum.find(QStringLiteral("undoBar")))));
        QTRY_COMPARE(sideBar(mum), campingFirst);
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Weekly shop"));
        QCOMPARE(mum.itemTitles(), QStringList {QStringLiteral("Bread")});
        QTRY_COMPARE(sideBar(dad), campingFirst);
        QVERIFY(journey::activityShows(dad, QStringLiteral("Mum deleted the list Weekly shop")));
        QVERIFY(
            journey::activityShows(dad, QStringLiteral("Mum brought back the list Weekly shop")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyListKeeping)

#include "tst_journey_listkeeping.moc"
