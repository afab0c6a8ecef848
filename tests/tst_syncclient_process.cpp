// A client process with 200 pending changes is SIGKILLed (before it sent anything, or in
// the middle of flushing) and started again: each change reaches the server exactly once.
// The child is this same binary in --child mode, running the whole client stack an app
// runs (Account: its database under the data directory, its refresh token in the
// credential store, here the opt-in private file since the child has no session bus).
#include "client/account.h"
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace kinlist;
using kinlist::client::Account;
using kinlist::client::CredentialStore;
using kinlist::client::SyncClient;

namespace {
constexpr int kChanges = 200;

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

CredentialStore::Options credentialOptions(const QString &dataDir)
{
    CredentialStore::Options o;
    o.fileDirectory = dataDir + QStringLiteral("/credentials");
    o.allowFile = true;
    o.timeoutMs = 3000;
    return o;
}

// --child queue <data> <url> <user> <list> <access> <refresh>: queues the changes while
// offline, then signs in and flushes until killed.
// --child resume <data> <url> <user>: signs in with the kept token and flushes the rest.
int runChild(const QStringList &args)
{
    const QString mode = args.value(0);
    const QString data = args.value(1);
    const QUrl url(args.value(2));
    const QString userId = args.value(3);
    CredentialStore credentials(credentialOptions(data));
    Account account(url, userId, &credentials, data);
    Error e;
    if (!account.open(&e)) {
        say("cannot open: " + e.message.toUtf8());
        return 2;
    }
    QObject::connect(account.sync(), &SyncClient::pendingCountChanged,
                     [](int n) { say("pending " + QByteArray::number(n)); });
    if (mode == QLatin1String("queue")) {
        // Signed in once (the token is kept), then offline edits pile up.
        bool saved = false;
        credentials.save(account.key(), args.value(6),
                         [&](CredentialStore::Where) { saved = true; });
        if (!QTest::qWaitFor([&] { return saved; }, 10000))
            return 3;
        const QString list = args.value(4);
        for (int i = 0; i < kChanges; ++i) {
            Op op;
            op.type = Op::Type::ItemCreate;
            op.listId = list;
            op.itemId = createUuid();
            op.fields = {{QStringLiteral("title"), QStringLiteral("Item %1").arg(i)}};
            if (!account.sync()->apply(op, &e)) {
                say("cannot queue: " + e.message.toUtf8());
                return 3;
            }
        }
        say("queued");
        account.sync()->watchList(list);
        account.sync()->setTokens(args.value(5), args.value(6));
        account.sync()->start();
        // Runs until the parent kills it; bounded all the same.
        const bool finished = QTest::qWaitFor([] { return false; }, 60000);
        return finished ? 0 : 4;
    }
    bool signedOut = false;
    QObject::connect(&account, &Account::needsSignIn, [&] { signedOut = true; });
    account.resume();
    const bool done = QTest::qWaitFor(
                          [&] {
                              return signedOut ||
                                  (account.sync()->state() == SyncClient::State::Live &&
                                   account.store()->pendingCount() == 0);
                          },
                          60000) &&
        !signedOut;
    say(done ? "done" : signedOut ? "needs sign-in" : "timed out");
    return done ? 0 : 6;
}
} // namespace

class TestSyncClientProcess : public QObject
{
    Q_OBJECT
    TestServer m_server;

    static QProcessEnvironment childEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No keychain for the child: its token goes to the private file it opted into.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/kinlist-no-bus"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Slow enough a flush (the client paces itself to 45 changes/s) to be killed in
        // the middle of it.
        m_server.config.rateLimitPerSec = 50;
        m_server.config.rateBurst = 50;
        QVERIFY(m_server.start());
    }

    void killedWithPendingChangesDeliversEachOnce_data()
    {
        QTest::addColumn<int>("killAfterApplied");
        QTest::newRow("killed before sending") << 0;
        QTest::newRow("killed mid-flush") << 60;
    }

    void killedWithPendingChangesDeliversEachOnce()
    {
        QFETCH(int, killAfterApplied);
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Kim")}, &f,
                               QStringLiteral("-kill%1").arg(killAfterApplied)));
        TestClient *watcher = f.people[0];
        const QString list = createUuid();
        const QString stamp =
            TestOps::stamp(QDateTime::currentMSecsSinceEpoch(), 0, watcher->clientId);
        QCOMPARE(watcher
                     ->mutate(TestOps::listCreate(f.householdId, list, QStringLiteral("Groceries"),
                                                  stamp))
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("ack"));
        QVERIFY(!watcher
                     ->result(QStringLiteral("subscribe"),
                              {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 1}})
                     .isEmpty());
        watcher->clearFrames();

        QTemporaryDir data;
        QProcess child;
        child.setProcessEnvironment(childEnvironment());
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray out;
        connect(&child, &QProcess::readyReadStandardOutput, this,
                [&] { out += child.readAllStandardOutput(); });
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), QStringLiteral("queue"), data.path(),
                     m_server.url().toString(), watcher->userId, list, watcher->accessToken,
                     watcher->refreshToken});
        QVERIFY(child.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return out.contains("queued\n"); }, 30000));
        if (killAfterApplied > 0) {
            QVERIFY(QTest::qWaitFor(
                [&] { return watcher->countType(QStringLiteral("op")) >= killAfterApplied; },
                30000));
        }
        child.kill(); // SIGKILL: no chance to finish a write or say goodbye
        QVERIFY(child.waitForFinished(10000));
        const int appliedBeforeKill = watcher->countType(QStringLiteral("op"));
        QVERIFY2(appliedBeforeKill < kChanges,
                 qPrintable(QStringLiteral("all %1 were applied before the kill").arg(kChanges)));

        // Started again: it signs in with the token it kept and sends what is left.
        QProcess again;
        again.setProcessEnvironment(childEnvironment());
        again.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        again.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), QStringLiteral("resume"), data.path(),
                     m_server.url().toString(), watcher->userId});
        QVERIFY(again.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return again.state() == QProcess::NotRunning; }, 90000));
        const QByteArray said = again.readAllStandardOutput();
        QVERIFY2(again.exitCode() == 0, said.constData());
        QVERIFY(said.contains("done"));

        // The server's log holds every change exactly once, in the order queued.
        const QJsonObject log =
            watcher->result(QStringLiteral("subscribe"),
                            {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        QCOMPARE(log.value(QStringLiteral("mode")).toString(), QStringLiteral("ops"));
        const QJsonArray ops = log.value(QStringLiteral("ops")).toArray();
        QCOMPARE(ops.size(), 1 + kChanges);
        QStringList titles;
        for (int i = 1; i < ops.size(); ++i)
            titles << ops.at(i)
                          .toObject()
                          .value(QStringLiteral("op"))
                          .toObject()
                          .value(QStringLiteral("fields"))
                          .toObject()
                          .value(QStringLiteral("title"))
                          .toString();
        QStringList expected;
        for (int i = 0; i < kChanges; ++i)
            expected << QStringLiteral("Item %1").arg(i);
        QCOMPARE(titles, expected);

        // And the restarted client holds exactly the server's version of each, also of the
        // changes applied before the kill whose acks it never recorded.
        Replica fromServer;
        for (const auto &v : ops) {
            Error e;
            fromServer.apply(
                Op::fromJson(v.toObject().value(QStringLiteral("op")).toObject(), &e, true));
        }
        kinlist::client::LocalStore store(QStringLiteral("parent view"));
        Error e;
        QVERIFY(
            store.open(Account::databasePath(data.path(), m_server.url(), watcher->userId), &e));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(store.confirmed(list).canonical(), fromServer.canonical());
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--child") == 0) {
        QStringList args;
        for (int i = 2; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        return runChild(args);
    }
    TestSyncClientProcess tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_syncclient_process.moc"
