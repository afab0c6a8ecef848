// The main journey by keyboard only, as someone who does not use a mouse: create an
// account, a household, a list; add, move through, check off, undo, rename, set details,
// move, delete and bring back items; find; another list of the other kind; the focus ring
// shows where the keyboard is.
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using journey::Person;

class TestJourneyKeyboard : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    // Presses Tab until the control named `name` has the keyboard (at most 30 times).
    static bool tabTo(Person &p, const QString &name, bool backwards = false)
    {
        for (int i = 0; i < 30; ++i) {
            QQuickItem *f = p.focused();
            for (QQuickItem *it = f; it; it = it->parentItem()) {
                if (it->objectName() == name)
                    return true;
                if (it == f && Person::accessibleName(it) == name)
                    return true;
            }
            p.key(backwards ? Qt::Key_Backtab : Qt::Key_Tab,
                  backwards ? Qt::ShiftModifier : Qt::NoModifier);
        }
        qWarning() << "Tab never reached" << name << "; the focus is on" << p.focused();
        return false;
    }
    static QString focusedRowTitle(Person &p)
    {
        for (QQuickItem *it = p.focused(); it; it = it->parentItem()) {
            if (it->inherits("QQuickItemDelegate"))
                return Person::accessibleName(it);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void mainJourneyByKeyboard()
    {
        Person kim(m_server.address());
        QVERIFY(kim.open());
        // Sign up: the email field has the keyboard; Tab to "Create an account", Space.
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("email"));
        QVERIFY(tabTo(kim, QStringLiteral("switchMode")));
        // The ring shows where the keyboard is.
        QTRY_VERIFY(kim.visible(QStringLiteral("focusRing")));
        kim.key(Qt::Key_Space);
        QVERIFY(tabTo(kim, QStringLiteral("name")));
        kim.type(QStringLiteral("Kim"));
        kim.key(Qt::Key_Tab);
        QCOMPARE(kim.focused()->objectName(), QStringLiteral("email"));
        kim.type(QStringLiteral("kim@keys.example"));
        kim.key(Qt::Key_Tab);
        QCOMPARE(kim.focused()->objectName(), QStringLiteral("password"));
        kim.type(QStringLiteral("password-Kim"));
        kim.key(Qt::Key_Return);
        // The household page takes the keyboard for its name.
        QTRY_VERIFY_WITH_TIMEOUT(
            kim.focused() && kim.focused()->objectName() == QLatin1String("householdName"), 10000);
        kim.type(QStringLiteral("Kim's place"));
        kim.key(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(kim.visible(QStringLiteral("newItem")), 10000);

        // A new list: Ctrl+Shift+N, its name, Enter; then straight to its first items.
        kim.key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("newListName"));
        kim.type(QStringLiteral("Groceries"));
        kim.key(Qt::Key_Return);
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("newItem"));
        for (const char *title : {"Milk", "Eggs", "Butter"}) {
            kim.type(QString::fromLatin1(title));
            kim.key(Qt::Key_Return);
        }
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Eggs"),
                                   QStringLiteral("Butter")}));

        // Tab into the list; Down to Eggs; Space checks it off; Ctrl+Z brings it back.
        QVERIFY(tabTo(kim, QStringLiteral("Milk")));
        kim.key(Qt::Key_Down);
        QTRY_COMPARE(focusedRowTitle(kim), QStringLiteral("Eggs"));
        kim.key(Qt::Key_Space);
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Butter")}));
        kim.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Eggs"),
                                   QStringLiteral("Butter")}));

        // F2 renames the row the keyboard is on; Return opens its details, where Tab
        // goes to the quantity and Return saves.
        QTRY_VERIFY(!focusedRowTitle(kim).isEmpty());
        for (int i = 0; i < 5 && focusedRowTitle(kim) != QLatin1String("Butter"); ++i)
            kim.key(Qt::Key_Down);
        QCOMPARE(focusedRowTitle(kim), QStringLiteral("Butter"));
        kim.key(Qt::Key_F2);
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("editor"));
        kim.key(Qt::Key_A, Qt::ControlModifier);
        kim.type(QStringLiteral("Rye bread"));
        kim.key(Qt::Key_Return);
        QTRY_COMPARE(focusedRowTitle(kim), QStringLiteral("Rye bread"));
        kim.key(Qt::Key_Return);
        QTRY_VERIFY(kim.visible(QStringLiteral("detailsDialog")));
        QTRY_VERIFY(kim.focused() &&
                    Person::accessibleName(kim.focused()) == QLatin1String("Title"));
        QVERIFY(tabTo(kim, QStringLiteral("Quantity")));
        kim.type(QStringLiteral("2"));
        kim.key(Qt::Key_Return);
        QTRY_VERIFY(!kim.visible(QStringLiteral("detailsDialog")));
        QTRY_COMPARE(kim.find(QStringLiteral("quantity"),
                              kim.row(QStringLiteral("items"), QStringLiteral("Rye bread")))
                         ->property("text")
                         .toString(),
                     QStringLiteral("×2"));

        // Alt+Up moves it up, keeping the keyboard on it; Delete removes it; Ctrl+Z.
        QTRY_COMPARE(focusedRowTitle(kim), QStringLiteral("Rye bread"));
        kim.key(Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Rye bread"),
                                   QStringLiteral("Eggs")}));
        QCOMPARE(focusedRowTitle(kim), QStringLiteral("Rye bread"));
        kim.key(Qt::Key_Delete);
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Eggs")}));
        kim.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(kim.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Rye bread"),
                                   QStringLiteral("Eggs")}));

        // Ctrl+F finds; Escape closes the search and shows everything again.
        kim.key(Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("find"));
        kim.type(QStringLiteral("egg"));
        QTRY_COMPARE(kim.itemTitles(), QStringList {QStringLiteral("Eggs")});
        kim.key(Qt::Key_Escape);
        QTRY_COMPARE(kim.itemTitles().size(), 3);

        // A task list: Ctrl+Shift+N, the name, Tab to "Tasks", Space, Return.
        kim.key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("newListName"));
        kim.type(QStringLiteral("Chores"));
        QVERIFY(tabTo(kim, QStringLiteral("kindTasks")));
        kim.key(Qt::Key_Space);
        kim.key(Qt::Key_Return);
        QTRY_COMPARE(kim.find(QStringLiteral("listTitle"))->property("text").toString(),
                     QStringLiteral("Chores"));
        // The cursor is in "Add an item" of the new list.
        QTRY_VERIFY(kim.focused() && kim.focused()->objectName() == QLatin1String("newItem"));
        QTRY_VERIFY(kim.row(QStringLiteral("lists"), QStringLiteral("Chores, 0 to do")));
        // Ctrl+L: the lists; Up and Return open Groceries again.
        kim.key(Qt::Key_L, Qt::ControlModifier);
        kim.key(Qt::Key_Up);
        kim.key(Qt::Key_Return);
        QTRY_COMPARE(kim.find(QStringLiteral("listTitle"))->property("text").toString(),
                     QStringLiteral("Groceries"));
        QVERIFY(kim.screenshot(QStringLiteral("keyboard-groceries")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyKeyboard)

#include "tst_journey_keyboard.moc"
