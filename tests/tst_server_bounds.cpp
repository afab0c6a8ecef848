// A client that does not read never grows the server without bound or slows the others:
// its unsent frames are capped and it is closed (4002) once it is over the cap; history
// pages are bounded in bytes. Against a real in-process server; the stalled peer is a
// bare TCP socket that stops reading, so the kernel's buffers fill as they would for a
// phone that went away without closing.
#include "common/rawwebsocket.h"
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace TestOps;
using kinlist::server::DropReason;

class TestServerBounds : public QObject
{
    Q_OBJECT
    TestServer m_server;
    Family m_family;
    QString m_list;
    int m_ops = 0; // ops in m_list so far

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
    qint64 dropped(DropReason reason) const
    {
        return m_server.server->metrics().dropped[int(reason)];
    }

    static QByteArray frame(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    // Sends `count` item creations of about 9 KB each, then waits for every ack.
    bool writeBigOps(int count)
    {
        TestClient *ann = m_family.people[0];
        const QString note(9000, QLatin1Char('n'));
        QSet<qint64> waiting;
        for (int i = 0; i < count; ++i) {
            QJsonObject op = itemCreate(m_list, kinlist::createUuid(), QStringLiteral("Big"),
                                        stamp(now(), i, ann->clientId));
            QJsonObject fields = op.value(QStringLiteral("fields")).toObject();
            fields.insert(QStringLiteral("note"), note);
            op.insert(QStringLiteral("fields"), fields);
            waiting.insert(ann->send(QStringLiteral("mutate"),
                                     {{QStringLiteral("clientId"), ann->clientId},
                                      {QStringLiteral("mutationId"), ann->nextMutationId++},
                                      {QStringLiteral("listId"), m_list},
                                      {QStringLiteral("op"), op}}));
        }
        const bool ok = QTest::qWaitFor(
            [&] {
                for (const QJsonObject &f : ann->pending()) {
                    if (type(f) == QLatin1String("ack"))
                        waiting.remove(f.value(QStringLiteral("id")).toInteger());
                }
                ann->clearFrames();
                return waiting.isEmpty();
            },
            20000);
        m_ops += count;
        return ok;
    }

    // A raw client signed in as Bo, done with its hello.
    bool signIn(RawWebSocket *raw)
    {
        if (!raw->open(m_server.server->port()))
            return false;
        raw->sendText(frame({{QStringLiteral("type"), QStringLiteral("hello")},
                             {QStringLiteral("id"), 1},
                             {QStringLiteral("protocol"), 1},
                             {QStringLiteral("clientId"), kinlist::createUuid()},
                             {QStringLiteral("token"), m_family.people[1]->accessToken}}));
        return QTest::qWaitFor([raw] { return !raw->texts().isEmpty(); }, 5000) &&
            raw->texts().constFirst().contains("\"user\"");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.config.maxOutgoingBytes = 256 * 1024;
        QVERIFY(m_server.start());
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Ann"), QStringLiteral("Bo")},
                               &m_family));
        m_list = kinlist::createUuid();
        TestClient *ann = m_family.people[0];
        QCOMPARE(type(ann->mutate(listCreate(m_family.householdId, m_list, QStringLiteral("L"),
                                             stamp(now(), 0, ann->clientId)))),
                 QStringLiteral("ack"));
        m_ops = 1;
    }

    void aSubscriberThatStopsReadingIsDropped()
    {
        const int connections = m_server.server->connectionCount();
        RawWebSocket stalled;
        QVERIFY(signIn(&stalled));
        stalled.sendText(frame({{QStringLiteral("type"), QStringLiteral("subscribe")},
                                {QStringLiteral("id"), 2},
                                {QStringLiteral("listId"), m_list},
                                {QStringLiteral("sinceSeq"), m_ops}}));
        QVERIFY(QTest::qWaitFor([&] { return stalled.texts().size() >= 2; }, 5000));
        stalled.stopReading();
        // Bo's laptop reads as it should, all along.
        TestClient *bo = m_family.people[1];
        QCOMPARE(type(bo->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), m_list}, {QStringLiteral("sinceSeq"), m_ops}})),
                 QStringLiteral("reply"));

        // Ann writes big ops until the server gives up on the stalled one: within what the
        // kernel's buffers and the cap hold, never an unbounded amount. Every write of
        // Ann's is acked on the way.
        const qint64 before = dropped(DropReason::SlowReader);
        int rounds = 0;
        while (dropped(DropReason::SlowReader) == before && rounds < 60) {
            QVERIFY(writeBigOps(50));
            ++rounds;
        }
        QCOMPARE(dropped(DropReason::SlowReader), before + 1);
        QVERIFY2(rounds < 60, "the stalled reader was never dropped");
        // The server lets go of it (at the latest when the close handshake times out: the
        // stalled peer reads nothing, not even the close), and Bo's laptop got every op.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server->connectionCount(), connections, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bo->countType(QStringLiteral("op")), m_ops - 1, 10000);
    }

    void aSnapshotOverTheCapDoesNotCloseAReader()
    {
        // By now the list holds megabytes, far over this server's 256 KiB cap: a device that
        // subscribes from scratch gets it in one snapshot, and the ops written right after
        // it go out too. It reads, so it is never taken for a stalled reader.
        const qint64 before = dropped(DropReason::SlowReader);
        auto *fresh = new TestClient(this);
        QVERIFY(fresh->open(m_server.url()));
        QCOMPARE(type(fresh->hello(m_family.people[1]->accessToken)), QStringLiteral("reply"));
        const qint64 id = fresh->send(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), m_list}, {QStringLiteral("sinceSeq"), 1000000}});
        QVERIFY(writeBigOps(20));
        const QJsonObject reply = fresh->waitFor(
            [id](const QJsonObject &f) { return f.value(QStringLiteral("id")).toInteger() == id; },
            20000);
        const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("mode")).toString(), QStringLiteral("snapshot"));
        QVERIFY(QJsonDocument(result).toJson(QJsonDocument::Compact).size() > 1024 * 1024);
        QTRY_COMPARE_WITH_TIMEOUT(fresh->countType(QStringLiteral("op")), 20, 10000);
        QVERIFY(fresh->isConnected());
        QCOMPARE(dropped(DropReason::SlowReader), before);
    }

    void aReaderThatNeverReadsItsRepliesIsDropped()
    {
        // About 60 KB of history requests, each answered with a page of big ops.
        const int connections = m_server.server->connectionCount();
        RawWebSocket stalled;
        QVERIFY(signIn(&stalled));
        stalled.stopReading();
        const qint64 before = dropped(DropReason::SlowReader);
        for (int i = 0; i < 600; ++i)
            stalled.sendText(frame({{QStringLiteral("type"), QStringLiteral("history")},
                                    {QStringLiteral("id"), 10 + i},
                                    {QStringLiteral("listId"), m_list},
                                    {QStringLiteral("limit"), 200}}));
        QTRY_COMPARE_WITH_TIMEOUT(dropped(DropReason::SlowReader), before + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server->connectionCount(), connections, 10000);
        // Everyone else is served as before.
        TestClient *ann = m_family.people[0];
        QCOMPARE(
            type(ann->request(QStringLiteral("history"),
                              {{QStringLiteral("listId"), m_list}, {QStringLiteral("limit"), 5}})),
            QStringLiteral("reply"));
    }

    void historyPagesAreBoundedInBytes()
    {
        TestClient *ann = m_family.people[0];
        QSet<qint64> seen;
        QJsonValue before;
        int pages = 0;
        do {
            QJsonObject ask {{QStringLiteral("listId"), m_list}, {QStringLiteral("limit"), 200}};
            if (before.isDouble())
                ask.insert(QStringLiteral("before"), before);
            const QJsonObject page = ann->result(QStringLiteral("history"), ask);
            const QJsonArray entries = page.value(QStringLiteral("entries")).toArray();
            QVERIFY(!entries.isEmpty());
            // A page of 9 KB ops holds far fewer than 200, and stays near 256 KiB.
            QVERIFY(entries.size() < 200);
            QVERIFY(frame(page).size() < 300 * 1024);
            for (const QJsonValue &e : entries) {
                const qint64 seq = e.toObject().value(QStringLiteral("seq")).toInteger();
                QVERIFY2(!seen.contains(seq), "an entry came twice");
                seen.insert(seq);
            }
            before = page.value(QStringLiteral("nextBefore"));
            ++pages;
        } while (before.isDouble() && pages < 1000);
        // Walking the pages gives every op once.
        QCOMPARE(seen.size(), m_ops);
        QVERIFY(pages > 1);
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerBounds)
#include "tst_server_bounds.moc"
