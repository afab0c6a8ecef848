// A family's first minutes in the real window, against the real kinlist-server: signing up,
// making a shopping list and a task list, adding, checking off, editing, details, deleting
// and undoing, all with the mouse and the keyboard as a person would.
#include "journey.h"

#include <QDate>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::statusWord;
using journey::textOf;

class TestJourneyLists : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    // Sign up, make a shopping list and a task list (each with its own kind, as the side bar
    // and the details say), and fill them.
    void makeListsOfBothKinds()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@lists.example")));
        QVERIFY(mum.shows(QStringLiteral("The Smiths")));

        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk"), QStringLiteral("Butter")}));

        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Take the bins out")}));
        // A task's details ask who and by when, not how many.
        QVERIFY(
            mum.click(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(!mum.visible(QStringLiteral("Quantity")));
        QVERIFY(mum.visible(QStringLiteral("Assigned to")));
        // The due date from the calendar: next month, the 15th.
        QVERIFY(mum.click(QStringLiteral("pickDate")));
        QTRY_VERIFY(mum.visible(QStringLiteral("monthGrid")));
        const QDate next = QDate::currentDate().addMonths(1);
        const QDate due(next.year(), next.month(), 15);
        QVERIFY(mum.click(QStringLiteral("nextMonth")));
        QTRY_VERIFY(mum.shows(QLocale().standaloneMonthName(due.month()) + QLatin1Char(' ') +
                              QString::number(due.year())));
        QVERIFY(mum.screenshot(QStringLiteral("details-date-picker")));
        QVERIFY(mum.click(QStringLiteral("day_15")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("datePicker")));
        const QString dueText = QLocale().toString(due, QLocale::ShortFormat);
        QCOMPARE(mum.find(QStringLiteral("dueField"))->property("text").toString(), dueText);
        // Assigned to Mum: the combo box's popup, then her name.
        QVERIFY(mum.click(QStringLiteral("Assigned to")));
        QQuickItem *mumEntry = nullptr;
        QTRY_VERIFY((mumEntry = mum.inPopup(QStringLiteral("Mum"))));
        QVERIFY(mum.click(mumEntry));
        QTRY_COMPARE(mum.find(QStringLiteral("Assigned to"))->property("displayText").toString(),
                     QStringLiteral("Mum"));
        QVERIFY(mum.click(QStringLiteral("detailsSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        QTRY_VERIFY(mum.texts(itemRow(mum, QStringLiteral("Take the bins out")))
                        .contains(QStringLiteral("Mum · due %1").arg(dueText)));
        // Her face on the row.
        QVERIFY(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("For Mum")));
        QVERIFY(mum.screenshot(QStringLiteral("tasks")));

        // A task due yesterday, typed in the locale's short form: overdue, in red.
        QVERIFY(journey::addItems(mum, {QStringLiteral("Water the plants")}));
        QVERIFY(
            mum.click(inRow(mum, QStringLiteral("Water the plants"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        const QDate yesterday = QDate::currentDate().addDays(-1);
        QVERIFY(mum.typeInto(QStringLiteral("dueField"),
                             QLocale().toString(yesterday, QLocale::ShortFormat)));
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        QTRY_COMPARE(
            textOf(inRow(mum, QStringLiteral("Water the plants"), QStringLiteral("taskInfo"))),
            QStringLiteral("overdue since %1")
                .arg(QLocale().toString(yesterday, QLocale::ShortFormat)));

        // The bins go out every week: chosen in the details, shown on the row in words.
        QVERIFY(
            mum.click(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        // Its choices by the keyboard: open, the pointer rested on Never (the list opens
        // under it, and it highlights what it is over), two down, Enter.
        QVERIFY(mum.click(QStringLiteral("detailsRepeat")));
        QTRY_VERIFY(mum.inPopup(QStringLiteral("Every week")));
        mum.settle();
        QVERIFY(mum.hover(mum.inPopup(QStringLiteral("Never"))));
        mum.key(Qt::Key_Down);
        mum.key(Qt::Key_Down);
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(!mum.inPopup(QStringLiteral("Every year")));
        QTRY_COMPARE(mum.find(QStringLiteral("detailsRepeat"))->property("displayText").toString(),
                     QStringLiteral("Every week"));
        QVERIFY(mum.visible(QStringLiteral("detailsFromToday")));
        mum.settle();
        QVERIFY(mum.screenshot(QStringLiteral("details-repeat")));
        QVERIFY(mum.click(QStringLiteral("detailsSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        const QString weekday = QLocale().dayName(due.dayOfWeek(), QLocale::ShortFormat);
        QTRY_COMPARE(
            textOf(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("taskInfo"))),
            QStringLiteral("Mum · due %1 · every %2").arg(dueText, weekday));
        // Done: the task stays, unticked, due a week later.
        QVERIFY(
            mum.click(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("check"))));
        const QString nextText = QLocale().toString(due.addDays(7), QLocale::ShortFormat);
        QTRY_COMPARE(
            textOf(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("taskInfo"))),
            QStringLiteral("Mum · due %1 · every %2").arg(nextText, weekday));
        QVERIFY(!inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("check"))
                     ->property("checked")
                     .toBool());
        QVERIFY(mum.shows(QStringLiteral("Take the bins out done, next %1").arg(nextText)));
        // Undo brings the date back.
        QVERIFY(mum.click(mum.find(QStringLiteral("undo"), mum.find(QStringLiteral("undoBar")))));
        QTRY_COMPARE(
            textOf(inRow(mum, QStringLiteral("Take the bins out"), QStringLiteral("taskInfo"))),
            QStringLiteral("Mum · due %1 · every %2").arg(dueText, weekday));

        // Both lists in the side bar, each with its kind.
        QVERIFY(mum.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open")));
        QVERIFY(mum.row(QStringLiteral("lists"), QStringLiteral("Chores, 2 to do")));
        QVERIFY(mum.click(mum.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open"))));
        QTRY_COMPARE(mum.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Butter")}));
        // A shopping list's details ask how many; "1 kg" shows on the row.
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Milk"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(!mum.visible(QStringLiteral("Assigned to")));
        QVERIFY(mum.typeInto(QStringLiteral("Quantity"), QStringLiteral("1")));
        QVERIFY(mum.typeInto(QStringLiteral("Unit"), QStringLiteral("l")));
        // Enter saves the details.
        mum.key(Qt::Key_Return);
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        QTRY_COMPARE(inRow(mum, QStringLiteral("Milk"), QStringLiteral("quantity"))
                         ->property("text")
                         .toString(),
                     QStringLiteral("1 l"));
    }

    // Check off, edit in place, delete, and undo each, by mouse and by key.
    void editAndUndo()
    {
        Person dad(m_server.address());
        QVERIFY(dad.open());
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@lists.example"),
                                QStringLiteral("Dad's house")));
        QVERIFY(journey::makeList(dad, QStringLiteral("Weekend"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(
            dad, {QStringLiteral("Apples"), QStringLiteral("Bananas"), QStringLiteral("Pears")}));

        // Checked off with the mouse: struck through where it is for a moment (the row
        // below does not slide under the pointer), then it folds away; Undo brings it back.
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Bananas"), QStringLiteral("check"))));
        QVERIFY(dad.itemTitles().contains(QStringLiteral("Bananas")));
        QVERIFY(inRow(dad, QStringLiteral("Bananas"), QStringLiteral("title"))
                    ->property("font")
                    .value<QFont>()
                    .strikeOut());
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Apples"), QStringLiteral("Pears")}));
        QTRY_VERIFY(dad.visible(QStringLiteral("undoBar")));
        QVERIFY(dad.shows(QStringLiteral("Bananas checked off")));
        QVERIFY(dad.click(QStringLiteral("undo")));
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Apples"), QStringLiteral("Bananas"),
                                   QStringLiteral("Pears")}));

        // Renamed in place: a click on the row, F2, a new title, Enter.
        QVERIFY(dad.click(itemRow(dad, QStringLiteral("Pears"))));
        dad.key(Qt::Key_F2);
        QTRY_VERIFY(dad.focused() && dad.focused()->objectName() == QLatin1String("editor"));
        dad.key(Qt::Key_A, Qt::ControlModifier);
        dad.type(QStringLiteral("Conference pears"));
        dad.key(Qt::Key_Return);
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Apples"), QStringLiteral("Bananas"),
                                   QStringLiteral("Conference pears")}));

        // Deleted with its button; Ctrl+Z brings it back.
        QVERIFY(!dad.visible(QStringLiteral("detailsDialog")));
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Apples"), QStringLiteral("delete"))));
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Bananas"), QStringLiteral("Conference pears")}));
        dad.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Apples"), QStringLiteral("Bananas"),
                                   QStringLiteral("Conference pears")}));

        // Space checks off the current row; Delete removes it.
        QVERIFY(dad.click(itemRow(dad, QStringLiteral("Apples"))));
        dad.key(Qt::Key_Space);
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Bananas"), QStringLiteral("Conference pears")}));
        QVERIFY(dad.click(QStringLiteral("toggleDone")));
        QTRY_VERIFY(dad.itemTitles().contains(QStringLiteral("Apples")));

        // A title already open on the list: Enter again adds one more of it.
        QVERIFY(dad.typeInto(QStringLiteral("newItem"), QStringLiteral("Bananas")));
        dad.key(Qt::Key_Return);
        QTRY_VERIFY(dad.visible(QStringLiteral("duplicate")));
        dad.key(Qt::Key_Return);
        QTRY_VERIFY(!dad.visible(QStringLiteral("duplicate")));
        QTRY_COMPARE(inRow(dad, QStringLiteral("Bananas"), QStringLiteral("quantity"))
                         ->property("text")
                         .toString(),
                     QStringLiteral("×2"));
    }

    // Nothing typed is lost: an item typed before any list exists waits for the list made
    // for it; a click into the field after the pointer rested on the status pill, and the
    // typing after it, arrive; an item added below the fold scrolls into view.
    void nothingTypedIsLost()
    {
        Person kid(m_server.address());
        QVERIFY(kid.open(QSize(1000, 420)));
        QVERIFY(journey::signUp(kid, QStringLiteral("Kid"), QStringLiteral("kid@lists.example"),
                                QStringLiteral("Kid's room")));
        QVERIFY(kid.typeInto(QStringLiteral("newItem"), QStringLiteral("Crayons")));
        kid.key(Qt::Key_Return);
        QTRY_VERIFY(kid.focused() && kid.focused()->objectName() == QLatin1String("newListName"));
        kid.type(QStringLiteral("School"));
        kid.key(Qt::Key_Return);
        QTRY_COMPARE(kid.itemTitles(), QStringList {QStringLiteral("Crayons")});
        QCOMPARE(textOf(kid.find(QStringLiteral("listTitle"))), QStringLiteral("School"));

        // With the pointer resting on the status pill, a click into the field and the
        // typing after it arrive.
        QQuickItem *status = kid.find(QStringLiteral("status"));
        QVERIFY(status);
        QTRY_COMPARE(statusWord(kid), QStringLiteral("Live")); // the pill has its final size
        QVERIFY(kid.hover(status));
        // Its tooltip tells what Live means.
        QTRY_VERIFY(kid.inPopup(QStringLiteral("statusTip")) &&
                    kid.inPopup(QStringLiteral("statusTip"))->isVisible());
        QVERIFY(kid.inPopup(QStringLiteral("statusTip"))
                    ->parent()
                    ->property("text")
                    .toString()
                    .startsWith(QLatin1String("Connected.")));
        QVERIFY(kid.typeInto(QStringLiteral("newItem"), QStringLiteral("Glue")));
        kid.key(Qt::Key_Return);
        QTRY_VERIFY(kid.itemTitles().contains(QStringLiteral("Glue")));

        // Many more: each new one is in view when added, the last one too.
        for (int i = 1; i <= 10; ++i) {
            const QString title = QStringLiteral("Pencil %1").arg(i);
            QVERIFY(kid.typeInto(QStringLiteral("newItem"), title));
            kid.key(Qt::Key_Return);
            QTRY_VERIFY2(kid.itemTitles().contains(title),
                         qPrintable(kid.itemTitles().join(QLatin1String(", "))));
        }
        QVERIFY(!kid.itemTitles().contains(QStringLiteral("Crayons"))); // scrolled past
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyLists)

#include "tst_journey_lists.moc"
