// Reminders, desktop notifications and the tray, on a desktop of the test's own
// (tests/journey/with-desktop.sh: a private D-Bus session with Debian's dunst as the
// notification server and trayer as the system tray, on Xvfb). Mum gives her task a time
// and a reminder, closes the window (Kinlist stays in the tray), and the reminder comes
// at its time through dunst, once, even after a restart; clicking it opens the task.
// Dad's changes notify her while her window is closed, a muted list's do not. The tray's
// menu opens Today and quits; the settings start Kinlist at login and stop keeping it in
// the tray. Everything is read back from dunst over D-Bus, as a person sees it on screen.
#include "journey.h"
#include "ui/language.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

#include <csignal>

using journey::inRow;
using journey::Person;
using journey::textOf;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kDunst = QStringLiteral("org.dunstproject.cmd0");

// The notification server of the session, read and worked through its own D-Bus
// interface (what dunstctl does).
QDBusMessage dunst(const QString &method, const QVariantList &args = {},
                   const QString &interface = kDunst)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, interface, method);
    call.setArguments(args);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
}

// How many notifications are on screen.
int displayed()
{
    const QDBusMessage reply =
        dunst(QStringLiteral("Get"), {kDunst, QStringLiteral("displayedLength")},
              QStringLiteral("org.freedesktop.DBus.Properties"));
    if (reply.type() != QDBusMessage::ReplyMessage)
        return -1;
    return reply.arguments().value(0).value<QDBusVariant>().variant().toInt();
}

// The notifications gone from the screen, newest first: {summary, body, appname, ...}.
QList<QVariantMap> history()
{
    const QDBusMessage reply = dunst(QStringLiteral("NotificationListHistory"));
    QList<QVariantMap> out;
    if (reply.type() != QDBusMessage::ReplyMessage)
        return out;
    const QDBusArgument arg = reply.arguments().value(0).value<QDBusArgument>();
    arg.beginArray();
    while (!arg.atEnd()) {
        QVariantMap entry;
        arg >> entry;
        out.append(entry);
    }
    arg.endArray();
    return out;
}

QStringList summaries()
{
    QStringList out;
    for (const QVariantMap &n : history())
        out.append(n.value(QStringLiteral("summary")).toString());
    return out;
}

// Takes every notification off the screen, into the history.
void closeAll()
{
    dunst(QStringLiteral("NotificationCloseAll"));
}

// The next whole minute at least 25 s away: a task's time the test can type and wait for.
QDateTime nextMinute()
{
    const QDateTime soon = QDateTime::currentDateTime().addSecs(25);
    const QTime t = soon.time();
    return QDateTime(soon.date(), QTime(t.hour(), t.minute())).addSecs(60);
}

// Gives `title` (on the open task list) a day, a time and the reminder `when` ("At the
// time") in its details, for `who`.
bool remind(Person &p, const QString &title, const QDateTime &at, const QString &when,
            const QString &who)
{
    if (!p.click(inRow(p, title, QStringLiteral("details"))) ||
        !QTest::qWaitFor([&] { return p.visible(QStringLiteral("detailsDialog")); }, 5000))
        return false;
    QQuickItem *entry = nullptr;
    if (!p.click(QStringLiteral("Assigned to")) ||
        !QTest::qWaitFor([&] { return (entry = p.inPopup(who)) != nullptr; }, 5000) ||
        !p.click(entry) || !QTest::qWaitFor([&] { return !p.inPopup(who); }, 5000))
        return false;
    if (!p.typeInto(QStringLiteral("dueField"),
                    QLocale().toString(at.date(), QLocale::ShortFormat)) ||
        !p.typeInto(QStringLiteral("dueTime"), at.time().toString(QStringLiteral("HH:mm"))))
        return false;
    if (!p.click(QStringLiteral("detailsReminder")) ||
        !QTest::qWaitFor([&] { return (entry = p.inPopup(when)) != nullptr; }, 5000) ||
        !p.click(entry) || !QTest::qWaitFor([&] { return !p.inPopup(when); }, 5000))
        return false;
    if (p.find(QStringLiteral("detailsReminder"))->property("displayText").toString() != when)
        return false;
    return p.click(QStringLiteral("detailsSave")) &&
        QTest::qWaitFor([&] { return !p.visible(QStringLiteral("detailsDialog")); }, 5000);
}

// Whether `p`'s device has an item titled `title` (in any list).
bool hasItem(const Person &p, const QString &title)
{
    const kinlist::client::LocalStore *store = p.app()->session()->account()->sync()->store();
    bool has = false;
    for (const QString &listId : store->knownLists())
        store->forEachViewEntity(listId, [&](const kinlist::Entity &e, bool) {
            has = has || e.value(QStringLiteral("title")).toString() == title;
        });
    return has;
}

QAction *trayAction(Person &p, const QString &name)
{
    kinlist::ui::Tray *tray = p.app()->alerts()->tray();
    return tray ? tray->menu()->findChild<QAction *>(name) : nullptr;
}

} // namespace

class TestReminders : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;
    std::unique_ptr<Person> m_mum;
    std::unique_ptr<Person> m_dad;
    QProcess m_trayer; // the tray that comes later (startedBeforeTheTray)

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        // The desktop is up: dunst has the notification service (and is dunst), trayer the
        // X11 system tray.
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QVERIFY2(bus, "no D-Bus session: run under tests/journey/with-desktop.sh");
        QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(kService), 10000);
        const QDBusMessage info = dunst(QStringLiteral("GetServerInformation"), {},
                                        QStringLiteral("org.freedesktop.Notifications"));
        QCOMPARE(info.arguments().value(0).toString(), QStringLiteral("dunst"));
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
        closeAll();
    }

    // Mum's task has a time and a reminder; she closes the window and Kinlist stays in the
    // tray, saying how it is connected.
    void closeIntoTray()
    {
        m_mum = std::make_unique<Person>(m_server.address());
        Person &mum = *m_mum;
        QVERIFY(mum.open(QSize(1100, 1150))); // tall: the settings show whole, unscrolled
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@remind.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Take out bins")}));
        const QDateTime at = nextMinute();
        QVERIFY(remind(mum, QStringLiteral("Take out bins"), at, QStringLiteral("At the time"),
                       QStringLiteral("Mum")));
        QTRY_VERIFY(inRow(mum, QStringLiteral("Take out bins"), QStringLiteral("reminderBell")));
        QCOMPARE(Person::accessibleName(
                     inRow(mum, QStringLiteral("Take out bins"), QStringLiteral("reminderBell"))),
                 QStringLiteral("Reminder at the time"));
        QTRY_COMPARE(mum.app()->session()->reminders()->next(), at);

        kinlist::ui::Tray *tray = mum.app()->alerts()->tray();
        QVERIFY(tray && tray->isVisible());
        QTRY_COMPARE(tray->toolTip(), QStringLiteral("Kinlist: Live"));
        QSignalSpy quit(mum.app(), &kinlist::ui::AppWindow::quitRequested);
        mum.window()->close(); // what the window's close button does
        QTRY_VERIFY(!mum.window()->isVisible());
        QVERIFY(tray->isVisible());
        QCoreApplication::processEvents();
        QCOMPARE(quit.count(), 0);
        QCOMPARE(displayed(), 0);
    }

    // At its time the reminder is on screen, from dunst, with the window still closed.
    // Clicking it opens the window on the task's details.
    void reminderAtItsTime()
    {
        Person &mum = *m_mum;
        const QDateTime at = mum.app()->session()->reminders()->next();
        QVERIFY(at.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(displayed(), 1, 100000);
        QVERIFY(QDateTime::currentDateTime() >= at); // not before its time
        QVERIFY(!mum.window()->isVisible());

        dunst(QStringLiteral("NotificationAction"), {QVariant::fromValue(0u)}); // a click
        QTRY_VERIFY(mum.window()->isVisible());
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QCOMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Chores"));
        QCOMPARE(textOf(mum.find(QStringLiteral("detailsTitle"))), QStringLiteral("Take out bins"));
        QTRY_COMPARE(displayed(), 0);
        const QList<QVariantMap> said = history();
        QCOMPARE(said.size(), 1);
        QCOMPARE(said.first().value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Take out bins"));
        QCOMPARE(said.first().value(QStringLiteral("body")).toString(),
                 QStringLiteral("Due today at %1 · Chores")
                     .arg(kinlist::ui::Language::clockTime(at.time())));
        QCOMPARE(said.first().value(QStringLiteral("appname")).toString(),
                 QStringLiteral("Kinlist"));
        // With the app's icon.
        const QString icon = said.first().value(QStringLiteral("icon_path")).toString();
        QVERIFY2(icon.endsWith(QStringLiteral("org.kinlist.Kinlist-64.png")), qPrintable(icon));
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
    }

    // Started again, Kinlist remembers the reminder went off: it does not come twice.
    void onceAcrossARestart()
    {
        Person &mum = *m_mum;
        mum.close(); // quits Kinlist (its data stays)
        QVERIFY(mum.open(QSize(1100, 1150)));
        QSignalSpy fired(mum.app()->session()->reminders(), &kinlist::ui::Reminders::fired);
        QTRY_VERIFY(journey::openList(mum, QStringLiteral("Chores")));
        // (It may have looked already while the window opened, before a spy could listen:
        // the count says it did, and dunst says whether anything came.)
        QTRY_VERIFY(mum.app()->session()->reminders()->checks() > 0);
        QCOMPARE(fired.count(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(displayed(), 0);
        QCOMPARE(history().size(), 1);
    }

    // Settings: start at login writes the desktop's autostart entry (and takes it away);
    // without "keep in the tray", closing the window ends Kinlist.
    void settings()
    {
        Person &mum = *m_mum;
        QVERIFY(QTest::qWaitForWindowActive(mum.window()));
        const QString entry = kinlist::ui::AppSettings::autostartFile();
        QVERIFY(!QFile::exists(entry));
        QVERIFY(mum.click(QStringLiteral("settings")));
        QTRY_VERIFY(mum.visible(QStringLiteral("startAtLogin")));
        QVERIFY(mum.click(QStringLiteral("startAtLogin")));
        QTRY_VERIFY(QFile::exists(entry));
        QFile file(entry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("--minimized")), qPrintable(text));
        QVERIFY2(text.contains(mum.dataDirectory()), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\nType=Application\n")));
        QVERIFY(mum.click(QStringLiteral("startAtLogin")));
        QTRY_VERIFY(!QFile::exists(entry));

        QVERIFY(mum.click(QStringLiteral("closeToTray")));
        QTRY_VERIFY(!mum.app()->session()->settings()->closeToTray());
        QTRY_VERIFY(!mum.app()->alerts()->tray());
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("settingsDialog")));
        QSignalSpy quit(mum.app(), &kinlist::ui::AppWindow::quitRequested);
        mum.window()->close();
        QTRY_COMPARE(quit.count(), 1);

        // Started again (a second start brings the running window back): the tray again.
        mum.app()->alerts()->showWindow();
        QVERIFY(QTest::qWaitForWindowActive(mum.window()));
        QVERIFY(mum.click(QStringLiteral("settings")));
        QTRY_VERIFY(mum.visible(QStringLiteral("closeToTray")));
        QVERIFY(mum.click(QStringLiteral("closeToTray")));
        QTRY_VERIFY(mum.app()->alerts()->tray());
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("settingsDialog")));
    }

    // Dad joins. Mum's task is hers, so Dad's Kinlist never reminds him of it. His change
    // reaches Mum as a notification while her window is closed.
    void othersChangesNotify()
    {
        Person &mum = *m_mum;
        QTRY_COMPARE_WITH_TIMEOUT(journey::statusWord(mum), QStringLiteral("Live"), 10000);
        const QString code = journey::inviteCode(mum);
        QVERIFY(!code.isEmpty());
        m_dad = std::make_unique<Person>(m_server.address());
        Person &dad = *m_dad;
        QVERIFY(dad.open(QSize(900, 700)));
        QSignalSpy dadFired(dad.app()->session()->reminders(), &kinlist::ui::Reminders::fired);
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@remind.example"),
                                {}, code));
        QTRY_VERIFY_WITH_TIMEOUT(dad.shows(QStringLiteral("Chores")), 10000); // synced
        QVERIFY(journey::openList(dad, QStringLiteral("Chores")));
        QTRY_VERIFY(inRow(dad, QStringLiteral("Take out bins"), QStringLiteral("reminderBell")));

        mum.window()->close();
        QTRY_VERIFY(!mum.window()->isVisible());
        QVERIFY(journey::openList(dad, QStringLiteral("Groceries")));
        QSignalSpy dadChecked(dad.app()->session()->reminders(), &kinlist::ui::Reminders::checked);
        QVERIFY(journey::addItems(dad, {QStringLiteral("Milk")}));
        QTRY_COMPARE(displayed(), 1);
        // Dad's Kinlist has read its replica since it had Mum's task: no reminder for him.
        QTRY_VERIFY(dadChecked.count() > 0);
        QCOMPARE(dadFired.count(), 0);
        QVERIFY(!dad.app()->session()->reminders()->next().isValid()); // none ahead either
        closeAll();
        QTRY_COMPARE(summaries().value(0), QStringLiteral("Dad added Milk to Groceries"));
        QCOMPARE(history().size(), 2);
    }

    // Mum mutes Chores: Dad's task there says nothing, his item on Groceries does.
    void mutedListStaysQuiet()
    {
        Person &mum = *m_mum;
        Person &dad = *m_dad;
        QAction *open = trayAction(mum, QStringLiteral("trayOpen"));
        QVERIFY(open);
        open->trigger(); // the tray's "Open Kinlist"
        QTRY_VERIFY(mum.window()->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(mum.window()));
        QVERIFY(journey::openList(mum, QStringLiteral("Chores")));
        QVERIFY(mum.click(QStringLiteral("mute")));
        QTRY_VERIFY2(mum.app()->session()->editor()->muted(),
                     qPrintable(mum.texts().join(QStringLiteral(" | "))));
        mum.window()->close();
        QTRY_VERIFY(!mum.window()->isVisible());

        QVERIFY(journey::openList(dad, QStringLiteral("Chores")));
        QVERIFY(journey::addItems(dad, {QStringLiteral("Sweep the porch")}));
        // Mum's Kinlist has it (and said nothing) before Dad goes on.
        QTRY_VERIFY(hasItem(mum, QStringLiteral("Sweep the porch")));
        QVERIFY(journey::openList(dad, QStringLiteral("Groceries")));
        QVERIFY(journey::addItems(dad, {QStringLiteral("Bread")}));
        QTRY_COMPARE(displayed(), 1);
        closeAll();
        QTRY_COMPARE_WITH_TIMEOUT(history().size(), 3, 2000);
        QVERIFY2(summaries().value(0).contains(QStringLiteral("Groceries")),
                 qPrintable(summaries().value(0)));
        for (const QString &s : summaries())
            QVERIFY2(!s.contains(QStringLiteral("Sweep")) && !s.contains(QStringLiteral("Chores")),
                     qPrintable(s));
    }

    // Dad joined while Mum's Settings were closed: opening them lists him, with Remove (the
    // member rows once sat straight in the dialog's layout, which Qt 6.4 crashed on here).
    // The tray's switches wrap inside the dialog; saved as a screenshot.
    void settingsAfterDadJoined()
    {
        Person &mum = *m_mum;
        mum.app()->alerts()->showWindow();
        QVERIFY(QTest::qWaitForWindowActive(mum.window()));
        QVERIFY(mum.click(QStringLiteral("settings")));
        QTRY_VERIFY(mum.visible(QStringLiteral("remove_Dad")));
        QVERIFY(mum.visible(QStringLiteral("closeToTray")));
        mum.settle();
        QVERIFY(mum.screenshot(QStringLiteral("settings-tray")));
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("settingsDialog")));
        mum.window()->close();
        QTRY_VERIFY(!mum.window()->isVisible());
    }

    // The tray's menu (saved as a screenshot) opens Today; Quit asks the app to end.
    void trayMenu()
    {
        Person &mum = *m_mum;
        kinlist::ui::Tray *tray = mum.app()->alerts()->tray();
        QVERIFY(tray);
        QMenu *menu = tray->menu();
        menu->popup(QPoint(200, 200));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QDir().mkpath(QDir::current().filePath(QStringLiteral("screenshots")));
        QVERIFY(menu->grab().save(
            QDir::current().filePath(QStringLiteral("screenshots/tray-menu.png"))));
        menu->hide();

        QAction *today = trayAction(mum, QStringLiteral("trayToday"));
        QVERIFY(today);
        today->trigger();
        QTRY_VERIFY(mum.window()->isVisible());
        QTRY_VERIFY(mum.visible(QStringLiteral("today")));

        QSignalSpy quit(mum.app(), &kinlist::ui::AppWindow::quitRequested);
        trayAction(mum, QStringLiteral("trayQuit"))->trigger();
        QTRY_COMPARE(quit.count(), 1);
    }

    // Started at login before the panel: no tray to sit in yet, so a minimized window; the
    // tray comes a little later and Kinlist moves into it, and closing the window keeps it
    // running.
    void startedBeforeTheTray()
    {
        Person &mum = *m_mum;
        mum.close();
        const qint64 trayer = qEnvironmentVariableIntValue("KINLIST_TRAYER_PID");
        QVERIFY2(trayer > 0, "KINLIST_TRAYER_PID: run under tests/journey/with-desktop.sh");
        QCOMPARE(::kill(pid_t(trayer), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!QSystemTrayIcon::isSystemTrayAvailable(), 10000);

        QVERIFY(mum.openAtLogin());
        QVERIFY(!mum.app()->alerts()->tray());
        QTRY_VERIFY(mum.window()->isVisible()); // (minimized: no tray to come back from)

        m_trayer.setProgram(QStringLiteral("trayer"));
        m_trayer.setArguments({QStringLiteral("--edge"), QStringLiteral("bottom"),
                               QStringLiteral("--align"), QStringLiteral("right"),
                               QStringLiteral("--widthtype"), QStringLiteral("pixel"),
                               QStringLiteral("--width"), QStringLiteral("200"),
                               QStringLiteral("--height"), QStringLiteral("32")});
        m_trayer.start();
        QVERIFY(m_trayer.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(mum.app()->alerts()->tray(), 15000);
        QVERIFY(mum.app()->alerts()->tray()->isVisible());
        QSignalSpy quit(mum.app(), &kinlist::ui::AppWindow::quitRequested);
        mum.window()->close();
        QTRY_VERIFY(!mum.window()->isVisible());
        QCoreApplication::processEvents();
        QCOMPARE(quit.count(), 0);
        QVERIFY(mum.app()->alerts()->tray()->isVisible());
    }

    void cleanupTestCase()
    {
        if (m_trayer.state() != QProcess::NotRunning) {
            m_trayer.terminate();
            m_trayer.waitForFinished(5000);
        }
        m_dad.reset();
        m_mum.reset();
    }
};

KINLIST_JOURNEY_MAIN(TestReminders)
#include "tst_reminders.moc"
