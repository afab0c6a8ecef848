// Offline, as a family meets it: the server goes away while the app is open, and changes
// made meanwhile arrive when it is back; the app is started while the server is down on a
// computer without a keychain, and opens the lists from this computer with the changes
// still waiting, asking for the password only once the server answers; the sign-in page
// offers to keep the sign-in where there is no keychain.
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::statusWord;
using journey::textOf;

class TestJourneyOffline : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    static QString syncBadge(Person &p, const QString &title)
    {
        QQuickItem *row = p.row(QStringLiteral("items"), title);
        QQuickItem *badge = row ? p.find(QStringLiteral("syncBadge"), row) : nullptr;
        return textOf(badge);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void serverAwayAndBack()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@offline.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk")}));
        QTRY_COMPARE(statusWord(mum), QStringLiteral("Live"));

        // The server stops: the pill says so; a change made now waits on this computer.
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Offline"), 10000);
        QVERIFY(journey::addItems(mum, {QStringLiteral("Eggs")}));
        QCOMPARE(syncBadge(mum, QStringLiteral("Eggs")), QStringLiteral("waiting to send"));
        QVERIFY(mum.shows(QStringLiteral("1 waiting")));

        // Back: the change goes, the pill is Live again.
        QVERIFY(m_server.start());
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Live"), 15000);
        QTRY_VERIFY(syncBadge(mum, QStringLiteral("Eggs")).isEmpty() ||
                    !mum.find(QStringLiteral("syncBadge"),
                              mum.row(QStringLiteral("items"), QStringLiteral("Eggs"))));
        QVERIFY(!mum.shows(QStringLiteral("1 waiting")));
    }

    void startWithoutKeychainWhileServerIsDown()
    {
        Person dad(m_server.address());
        QVERIFY(dad.open());
        // No keychain here (the test has no session bus): the sign-in page says so. Dad
        // does not keep the sign-in.
        QVERIFY(dad.click(QStringLiteral("switchMode")));
        QTRY_VERIFY(dad.visible(QStringLiteral("rememberInFile")));
        QVERIFY(!dad.find(QStringLiteral("rememberInFile"))->property("checked").toBool());
        QVERIFY(dad.click(QStringLiteral("switchMode")));
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@offline.example"),
                                QStringLiteral("Dad's flat")));
        QVERIFY(journey::makeList(dad, QStringLiteral("Hardware"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(dad, {QStringLiteral("Screws")}));
        QTRY_COMPARE(statusWord(dad), QStringLiteral("Live"));

        // Closed; the server goes down; Kinlist starts again.
        dad.close();
        m_server.stop();
        QVERIFY(dad.open());
        // The lists from this computer, not the sign-in page; no password asked for yet.
        QTRY_VERIFY(dad.visible(QStringLiteral("newItem")));
        QTRY_COMPARE(dad.itemTitles(), QStringList {QStringLiteral("Screws")});
        QVERIFY(!dad.visible(QStringLiteral("go")));
        QTRY_VERIFY(dad.visible(QStringLiteral("passwordBar")));
        QVERIFY(!dad.visible(QStringLiteral("unlockPassword")));
        // Edits work offline.
        QVERIFY(journey::addItems(dad, {QStringLiteral("Nails")}));
        QCOMPARE(syncBadge(dad, QStringLiteral("Nails")), QStringLiteral("waiting to send"));

        // The server is back: now the password is asked for; with it, everything syncs.
        QVERIFY(m_server.start());
        QTRY_VERIFY_WITH_TIMEOUT(dad.visible(QStringLiteral("unlockPassword")), 10000);
        QVERIFY(dad.screenshot(QStringLiteral("offline-password")));
        // The pill says why nothing syncs, and offers no retry that could not help.
        QCOMPARE(statusWord(dad), QStringLiteral("Signed out"));
        QVERIFY(!dad.visible(QStringLiteral("retry")));
        QVERIFY(dad.typeInto(QStringLiteral("unlockPassword"), QStringLiteral("password-Dad")));
        dad.key(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dad.visible(QStringLiteral("passwordBar")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(dad), QStringLiteral("Live"), 10000);
        QTRY_VERIFY(!dad.find(QStringLiteral("syncBadge"),
                              dad.row(QStringLiteral("items"), QStringLiteral("Nails"))));
        QCOMPARE(dad.itemTitles(),
                 (QStringList {QStringLiteral("Screws"), QStringLiteral("Nails")}));
    }

    void keepTheSignInInAFile()
    {
        Person oma(m_server.address());
        QVERIFY(oma.open());
        QVERIFY(oma.click(QStringLiteral("switchMode")));
        QTRY_VERIFY(oma.visible(QStringLiteral("rememberInFile")));
        QVERIFY(oma.click(QStringLiteral("rememberInFile")));
        QTRY_VERIFY(oma.find(QStringLiteral("rememberInFile"))->property("checked").toBool());
        QVERIFY(oma.click(QStringLiteral("switchMode")));
        QVERIFY(journey::signUp(oma, QStringLiteral("Oma"), QStringLiteral("oma@offline.example"),
                                QStringLiteral("Oma's")));
        QVERIFY(journey::makeList(oma, QStringLiteral("Garden"), QStringLiteral("tasks")));
        QTRY_COMPARE(statusWord(oma), QStringLiteral("Live"));
        oma.close();
        // Started again: signed in from the file, no password.
        QVERIFY(oma.open());
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(oma), QStringLiteral("Live"), 10000);
        QVERIFY(!oma.visible(QStringLiteral("passwordBar")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyOffline)

#include "tst_journey_offline.moc"
