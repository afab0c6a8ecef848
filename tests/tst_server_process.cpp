// The real kinlist-server binary under QProcess: acked ops survive SIGKILL, SIGTERM
// shuts down cleanly with "going away", and the command line behaves.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <QTcpSocket>

#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

#include <sys/resource.h>

using namespace TestOps;

class TestServerProcess : public QObject
{
    Q_OBJECT
    QString m_bin;

    // A plain HTTP GET on the server's port; the whole response.
    static QByteArray httpGet(quint16 port, const QByteArray &path)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected(5000))
            return {};
        s.write("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray response;
        if (!QTest::qWaitFor(
                [&] {
                    response += s.readAll();
                    return s.state() == QAbstractSocket::UnconnectedState;
                },
                5000))
            qWarning() << "no complete answer to" << path;
        return response + s.readAll();
    }

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    // Starts the binary on an ephemeral port and returns its ws:// URL. On PostgreSQL
    // (the _postgres run), each data directory stands for a database of its own.
    QUrl startServer(QProcess &p, const QString &dataDir, bool sqlite = false)
    {
        p.setProgram(m_bin);
        QStringList arguments {QStringLiteral("--listen"),        QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--data"),          dataDir,
                               QStringLiteral("--password-hash"), QStringLiteral("min")};
        if (TestServer::postgres() && !sqlite) {
            if (!m_databases.contains(dataDir))
                m_databases.insert(dataDir, TestServer::createPostgresDatabase());
            arguments << QStringLiteral("--database") << m_databases.value(dataDir);
        }
        p.setArguments(arguments);
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start();
        if (!p.waitForStarted(5000))
            return {};
        return TestServer::waitUntilListening(p);
    }

    QHash<QString, QString> m_databases; // data directory -> its PostgreSQL database

private Q_SLOTS:
    void initTestCase()
    {
        m_bin = qEnvironmentVariable("KINLIST_SERVER_BIN");
        QVERIFY2(!m_bin.isEmpty(), "KINLIST_SERVER_BIN is not set (run through ctest)");
    }

    void versionAndHelp()
    {
        QProcess p;
        p.start(m_bin, {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("kinlist-server "));
        p.start(m_bin, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(p.readAllStandardOutput().contains("--listen"));
        p.start(m_bin, {QStringLiteral("--listen"), QStringLiteral("nonsense")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        p.start(m_bin, {QStringLiteral("--database"), QStringLiteral("mysql://db.example/kin")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("postgresql://"));
        if (TestServer::postgres()) {
            // A database that is not there: a clear error, no server.
            QUrl missing(TestServer::postgresUrl());
            missing.setPath(QStringLiteral("/no_such_database"));
            p.start(m_bin,
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--database"), missing.toString()});
            QVERIFY(p.waitForFinished(10000));
            QVERIFY(p.exitCode() != 0);
            QVERIFY(p.readAllStandardError().contains("cannot connect to PostgreSQL"));
        }
    }

    // The packaged service reads /etc/kinlist/kinlist-server.conf: options by name, comments
    // allowed, the command line winning, and a clear refusal of what it does not know.
    void configFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fromFile = dir.filePath(QStringLiteral("from-file"));
        const QString fromArgs = dir.filePath(QStringLiteral("from-args"));
        const QString conf = dir.filePath(QStringLiteral("server.conf"));
        const auto write = [&](const QByteArray &text) {
            QFile f(conf);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                f.write(text) == text.size();
        };
        QVERIFY(write("# Kinlist server\n; both kinds of comment\nlisten = 127.0.0.1:0\n"
                      "data = " +
                      fromFile.toUtf8() + "\npassword-hash = min\nsync = full\n"));
        const auto run = [&](const QStringList &args, QByteArray *out) {
            QProcess p;
            p.start(m_bin, args);
            if (!p.waitForStarted(5000))
                return -1;
            const QRegularExpression re(
                QStringLiteral("listening on ws://\\S+ \\(data in (.+)\\)"));
            const bool done = QTest::qWaitFor(
                [&] {
                    *out += p.readAllStandardOutput() + p.readAllStandardError();
                    return re.match(QString::fromUtf8(*out)).hasMatch() ||
                        p.state() == QProcess::NotRunning;
                },
                10000);
            if (p.state() == QProcess::Running) {
                p.terminate();
                p.waitForFinished(10000);
                return done ? 0 : -1;
            }
            return p.exitCode();
        };
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--config"), conf}, &out), 0);
        QVERIFY2(out.contains("(data in " + fromFile.toUtf8() + ")"), out.constData());
        QVERIFY(QFileInfo::exists(fromFile));
        out.clear();
        QCOMPARE(run({QStringLiteral("--config"), conf, QStringLiteral("--data"), fromArgs}, &out),
                 0);
        QVERIFY2(out.contains("(data in " + fromArgs.toUtf8() + ")"), out.constData());

        QVERIFY(write("listen = 127.0.0.1:0\nport = 8477\n"));
        out.clear();
        QCOMPARE(run({QStringLiteral("--config"), conf}, &out), 2);
        QVERIFY2(out.contains("unknown option \"port\""), out.constData());
        QVERIFY(write("\xef\xbb\xbflisten = 127.0.0.1:0\ndata =\n"));
        out.clear();
        QCOMPARE(run({QStringLiteral("--config"), conf}, &out), 2);
        QVERIFY2(out.contains(":2: \"data\" has no value"), out.constData());
        QVERIFY(write("sync = sometimes\n"));
        out.clear();
        QCOMPARE(run({QStringLiteral("--config"), conf}, &out), 2);
        QVERIFY2(out.contains("--sync must be normal or full"), out.constData());
        out.clear();
        QCOMPARE(
            run({QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.conf"))}, &out),
            2);
        QVERIFY2(out.contains("cannot read the configuration file"), out.constData());
    }

    void ackedOpsSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString data = dir.path() + QStringLiteral("/data");
        QProcess server;
        const QUrl url = startServer(server, data);
        QVERIFY(url.isValid());

        TestClient c;
        QVERIFY(c.open(url));
        c.hello();
        QCOMPARE(type(c.registerUser(QStringLiteral("sam@example.org"), QStringLiteral("durable!"),
                                     QStringLiteral("Sam"))),
                 QStringLiteral("reply"));
        const QString hh = c.result(QStringLiteral("household.create"),
                                    {{QStringLiteral("name"), QStringLiteral("H")}})
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(c.mutate(listCreate(hh, listId, QStringLiteral("Camping"),
                                          stamp(now(), 0, c.clientId)))),
                 QStringLiteral("ack"));

        // Edits of an existing item are kept in memory and the op log, and reach the item
        // table only in a snapshot: they must survive the kill too.
        const QString tent = kinlist::createUuid();
        QCOMPARE(type(c.mutate(itemCreate(listId, tent, QStringLiteral("Tent"),
                                          stamp(now(), 1, c.clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(c.mutate(itemSet(listId, tent,
                                       {{QStringLiteral("title"), QStringLiteral("Big tent")}},
                                       stamp(now(), 2, c.clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(c.mutate(itemSet(listId, tent, {{QStringLiteral("done"), true}},
                                       stamp(now(), 3, c.clientId)))),
                 QStringLiteral("ack"));

        // Pipeline 400 creates without waiting, and kill the server as soon as 100 are acked.
        constexpr int kOps = 400;
        const qint64 base = c.nextMutationId;
        QList<QJsonObject> ops;
        for (int i = 0; i < kOps; ++i) {
            ops.append(itemCreate(listId, kinlist::createUuid(),
                                  QStringLiteral("Tent peg %1").arg(i),
                                  stamp(now(), i + 10, c.clientId)));
            c.send(QStringLiteral("mutate"),
                   {{QStringLiteral("clientId"), c.clientId},
                    {QStringLiteral("mutationId"), base + i},
                    {QStringLiteral("listId"), listId},
                    {QStringLiteral("op"), ops.last()}});
        }
        QVERIFY(QTest::qWaitFor([&] { return c.countType(QStringLiteral("ack")) >= 100; }, 20000));
        ::kill(pid_t(server.processId()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, 10000);
        QCOMPARE(server.exitStatus(), QProcess::CrashExit);
        c.waitClosed();
        QHash<qint64, qint64> ackedSeq; // mutation id -> seq
        for (const QJsonObject &f : c.pending()) {
            if (type(f) == QLatin1String("ack"))
                ackedSeq.insert(f.value(QStringLiteral("mutationId")).toInteger(),
                                f.value(QStringLiteral("seq")).toInteger());
        }
        QVERIFY(ackedSeq.size() >= 100);
        qInfo() << ackedSeq.size() << "of" << kOps << "acked before SIGKILL";

        // Restart on the same data: every acked op is there, at its acked seq.
        QProcess again;
        const QUrl url2 = startServer(again, data);
        QVERIFY(url2.isValid());
        TestClient back;
        back.clientId = c.clientId;
        QVERIFY(back.open(url2));
        QCOMPARE(type(back.hello(c.accessToken)), QStringLiteral("reply"));
        const QJsonObject sub =
            back.result(QStringLiteral("subscribe"),
                        {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}});
        QHash<QString, qint64> seqOfItem;
        for (const auto &v : sub.value(QStringLiteral("ops")).toArray()) {
            const QJsonObject o = v.toObject();
            seqOfItem.insert(
                o.value(QStringLiteral("op")).toObject().value(QStringLiteral("itemId")).toString(),
                o.value(QStringLiteral("seq")).toInteger());
        }
        for (auto it = ackedSeq.cbegin(); it != ackedSeq.cend(); ++it) {
            const QString itemId =
                ops.at(int(it.key() - base)).value(QStringLiteral("itemId")).toString();
            QVERIFY2(seqOfItem.contains(itemId),
                     qPrintable(QStringLiteral("acked mutation %1 lost").arg(it.key())));
            QCOMPARE(seqOfItem.value(itemId), it.value());
        }

        // The state rebuilt after the kill has the tent's edits (a snapshot: the client
        // claims a seq the server never had).
        const QJsonObject snap = back.result(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 1000000}});
        QCOMPARE(snap.value(QStringLiteral("mode")).toString(), QStringLiteral("snapshot"));
        bool tentFound = false;
        for (const auto &v : snap.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("id")).toString() != tent)
                continue;
            tentFound = true;
            const QJsonObject f = e.value(QStringLiteral("fields")).toObject();
            QCOMPARE(
                f.value(QStringLiteral("title")).toObject().value(QStringLiteral("v")).toString(),
                QStringLiteral("Big tent"));
            QCOMPARE(f.value(QStringLiteral("done")).toObject().value(QStringLiteral("v")).toBool(),
                     true);
        }
        QVERIFY(tentFound);

        // Resend everything: acked ones are acked again, not applied; the rest apply once.
        for (int i = 0; i < kOps; ++i) {
            const QJsonObject r = back.mutate(ops.at(i), base + i);
            QCOMPARE(type(r), QStringLiteral("ack"));
            if (ackedSeq.contains(base + i))
                QCOMPARE(r.value(QStringLiteral("seq")).toInteger(), ackedSeq.value(base + i));
        }
        const QJsonObject all =
            back.result(QStringLiteral("subscribe"),
                        {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}});
        QCOMPARE(all.value(QStringLiteral("seq")).toInteger(), kOps + 4); // list, tent x3, items
        QSet<QString> items;
        for (const auto &v : all.value(QStringLiteral("ops")).toArray())
            items.insert(v.toObject()
                             .value(QStringLiteral("op"))
                             .toObject()
                             .value(QStringLiteral("itemId"))
                             .toString());
        QCOMPARE(items.size(), kOps + 2); // each item once, the tent, and the list (empty itemId)
        again.terminate();
        QVERIFY(again.waitForFinished(10000));
    }

    void outOfFileDescriptorsStaysServing()
    {
        // With 256 file descriptors and 400 connections that never send a byte, the server
        // stays within its descriptors: it sheds the oldest idle sockets instead of
        // failing accept() (which left Qt's listener paused for good, or spinning), and a
        // family client and a health check are served all along and after.
        QTemporaryDir dir;
        QProcess server;
        server.setChildProcessModifier([] {
            struct rlimit lim = {256, 256};
            ::setrlimit(RLIMIT_NOFILE, &lim);
        });
        const QUrl url = startServer(server, dir.path() + QStringLiteral("/data"));
        QVERIFY(url.isValid());
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 400; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(idle.cbegin(), idle.cend(), [](const auto &s) {
                    return s->state() != QAbstractSocket::ConnectingState &&
                        s->state() != QAbstractSocket::HostLookupState;
                });
            },
            20000));
        auto served = [&](const QString &who) {
            TestClient c;
            if (!c.open(url) || type(c.hello()) != QLatin1String("reply"))
                return false;
            return type(c.registerUser(who + QStringLiteral("@fd.example"),
                                       QStringLiteral("password!"), who)) == QLatin1String("reply");
        };
        QVERIFY(served(QStringLiteral("during")));
        QVERIFY(httpGet(quint16(url.port()), "/healthz").startsWith("HTTP/1.1 200"));
        idle.clear();
        QVERIFY(served(QStringLiteral("after")));
        // It never ran out: what it let go of was shed before accept() could fail.
        const QByteArray metrics = httpGet(quint16(url.port()), "/metrics");
        QVERIFY2(metrics.contains("kinlist_accept_errors_total 0\n"), metrics.constData());
        QVERIFY(!metrics.contains("kinlist_sockets_shed_total 0\n"));
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void sigtermClosesWithGoingAway()
    {
        QTemporaryDir dir;
        QProcess server;
        const QUrl url = startServer(server, dir.path() + QStringLiteral("/data"));
        QVERIFY(url.isValid());
        TestClient c;
        QVERIFY(c.open(url));
        c.hello();
        QCOMPARE(type(c.registerUser(QStringLiteral("tia@example.org"), QStringLiteral("goodbye!"),
                                     QStringLiteral("Tia"))),
                 QStringLiteral("reply"));
        server.terminate(); // SIGTERM
        QVERIFY(c.waitClosed(10000));
        QCOMPARE(int(c.socket().closeCode()), 1001);
        // It may have finished already while the client waited for the close.
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, 10000);
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        // The account was kept.
        QProcess again;
        const QUrl url2 = startServer(again, dir.path() + QStringLiteral("/data"));
        TestClient d;
        QVERIFY(d.open(url2));
        d.hello();
        QCOMPARE(type(d.login(QStringLiteral("tia@example.org"), QStringLiteral("goodbye!"))),
                 QStringLiteral("reply"));
        again.terminate();
        QVERIFY(again.waitForFinished(10000));
    }

    // A family server's data moves into PostgreSQL: the same people sign in with their
    // passwords and their saved sessions, the same lists and log, and a device's next
    // mutation follows on from its last (a resend of that one is a duplicate).
    void importSqlite()
    {
        if (!TestServer::postgres())
            QSKIP("moves data into PostgreSQL: runs in the _postgres run");
        QTemporaryDir dir;
        const QString data = dir.path() + QStringLiteral("/data");
        QProcess family;
        const QUrl url = startServer(family, data, true);
        QVERIFY(url.isValid());
        TestClient c;
        QVERIFY(c.open(url));
        c.hello();
        QCOMPARE(type(c.registerUser(QStringLiteral("ivy@import.example"),
                                     QStringLiteral("moving house"), QStringLiteral("Ivy"))),
                 QStringLiteral("reply"));
        const QString refresh = c.refreshToken;
        const QString hh = c.result(QStringLiteral("household.create"),
                                    {{QStringLiteral("name"), QStringLiteral("Ivy's")}})
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(c.mutate(
                     listCreate(hh, listId, QStringLiteral("Boxes"), stamp(now(), 0, c.clientId)))),
                 QStringLiteral("ack"));
        QJsonObject last;
        for (int i = 1; i <= 20; ++i) {
            last =
                c.mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Box %1").arg(i),
                                    stamp(now(), i, c.clientId)));
            QCOMPARE(type(last), QStringLiteral("ack"));
        }
        const qint64 lastMutation = c.nextMutationId - 1;
        family.terminate();
        QVERIFY(family.waitForFinished(10000));

        const QString database = TestServer::createPostgresDatabase();
        QVERIFY(!database.isEmpty());
        QProcess import;
        import.start(
            m_bin,
            {QStringLiteral("--import-sqlite"), data, QStringLiteral("--database"), database});
        QVERIFY(import.waitForFinished(30000));
        const QByteArray said = import.readAllStandardOutput() + import.readAllStandardError();
        QVERIFY2(import.exitCode() == 0, said.constData());
        QVERIFY2(said.contains("ops") && said.contains("21 rows, the same in both"),
                 said.constData());
        // Again into the same database: refused, nothing changed.
        import.start(
            m_bin,
            {QStringLiteral("--import-sqlite"), data, QStringLiteral("--database"), database});
        QVERIFY(import.waitForFinished(30000));
        QVERIFY(import.exitCode() != 0);
        QVERIFY(import.readAllStandardError().contains("not empty"));

        // A node on PostgreSQL: Ivy's saved session still works there.
        m_databases.insert(data, database);
        QProcess node;
        const QUrl there = startServer(node, data);
        QVERIFY(there.isValid());
        TestClient d;
        d.clientId = c.clientId;
        QVERIFY(d.open(there));
        d.hello();
        const QJsonObject refreshed =
            d.request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), refresh}});
        QCOMPARE(type(refreshed), QStringLiteral("reply"));
        const QJsonObject sub =
            d.result(QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}});
        QCOMPARE(qint64(sub.value(QStringLiteral("seq")).toDouble()), 21);
        QCOMPARE(sub.value(QStringLiteral("ops")).toArray().size(), 21);
        // The last mutation sent again is a duplicate; the next one follows on.
        const QJsonObject resent =
            d.request(QStringLiteral("mutate"),
                      {{QStringLiteral("clientId"), c.clientId},
                       {QStringLiteral("mutationId"), lastMutation},
                       {QStringLiteral("listId"), listId},
                       {QStringLiteral("op"), last.value(QStringLiteral("op"))}});
        QCOMPARE(type(resent), QStringLiteral("ack"));
        QVERIFY(resent.value(QStringLiteral("duplicate")).toBool());
        const QJsonObject next =
            d.mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Lamp"),
                                stamp(now(), 99, c.clientId)),
                     lastMutation + 1);
        QCOMPARE(type(next), QStringLiteral("ack"));
        QCOMPARE(qint64(next.value(QStringLiteral("seq")).toDouble()), 22);
        node.terminate();
        QVERIFY(node.waitForFinished(10000));
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerProcess)
#include "tst_server_process.moc"
