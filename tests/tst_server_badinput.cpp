// Bad input gets a stable error code and never stops the server serving others.
#include "common/rawwebsocket.h"
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QTest>

using namespace TestOps;

// JSON written with single quotes, for readability in the test data.
static QString js(const char *s)
{
    return QString::fromUtf8(s).replace(QLatin1Char('\''), QLatin1Char('"'));
}

class TestServerBadInput : public QObject
{
    Q_OBJECT
    TestServer m_server;
    Family m_family;
    QString m_listId;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    // The bystanders still get served: Ann edits, Bo sees it.
    void othersStillServed()
    {
        TestClient *ann = m_family.people[0];
        TestClient *bo = m_family.people[1];
        bo->clearFrames();
        const QJsonObject ack =
            ann->mutate(itemCreate(m_listId, kinlist::createUuid(), QStringLiteral("Still here"),
                                   stamp(now(), 0, ann->clientId)));
        QCOMPARE(type(ack), QStringLiteral("ack"));
        QVERIFY(!bo->waitForType(QStringLiteral("op")).isEmpty());
    }

    TestClient *signedIn(TestServer &server)
    {
        auto *c = new TestClient(this);
        if (!c->open(server.url()))
            return nullptr;
        c->hello(m_family.people[0]->accessToken);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.config.rateLimitPerSec = 50;
        m_server.config.rateBurst = 100;
        QVERIFY(m_server.start());
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Ann"), QStringLiteral("Bo")},
                               &m_family));
        m_listId = kinlist::createUuid();
        TestClient *ann = m_family.people[0];
        QCOMPARE(type(ann->mutate(listCreate(m_family.householdId, m_listId, QStringLiteral("L"),
                                             stamp(now(), 0, ann->clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(m_family.people[1]->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), m_listId}, {QStringLiteral("sinceSeq"), 1}})),
                 QStringLiteral("reply"));
    }

    void malformedFrames_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed json")
            << QStringLiteral("{\"type\": \"ping\", ") << QStringLiteral("bad_json");
        QTest::newRow("not an object") << QStringLiteral("[1, 2]") << QStringLiteral("bad_message");
        QTest::newRow("unknown type")
            << js("{'type':'nuke','id':1}") << QStringLiteral("unknown_type");
        QTest::newRow("wrong field type")
            << js("{'type':'subscribe','id':2,'listId':'%1','sinceSeq':'zero'}")
                   .arg(kinlist::createUuid())
            << QStringLiteral("wrong_type");
        QTest::newRow("bad uuid") << js("{'type':'lists','id':3,'householdId':'family'}")
                                  << QStringLiteral("bad_uuid");
        QTest::newRow("missing field")
            << js("{'type':'household.create','id':4}") << QStringLiteral("missing_field");
        QTest::newRow("duplicate key")
            << js("{'type':'household.create','id':5,'name':'A','name':'B'}")
            << QStringLiteral("bad_json");
        QTest::newRow("duplicate key inside an op")
            << js("{'type':'mutate','id':6,'clientId':'%1','mutationId':1,'listId':'%1',"
                  "'op':{'type':'list.set','listId':'%1','stamp':'x','fields':{'name':'a',"
                  "'name':'b'}}}")
                   .arg(kinlist::createUuid())
            << QStringLiteral("bad_json");
    }

    void malformedFrames()
    {
        QFETCH(QString, frame);
        QFETCH(QString, code);
        TestClient *c = signedIn(m_server);
        QVERIFY(c);
        c->sendRaw(frame);
        const QJsonObject err = c->waitForType(QStringLiteral("error"));
        QCOMPARE(err.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!err.value(QStringLiteral("message")).toString().isEmpty());
        // The connection itself keeps working after a bad frame.
        QCOMPARE(type(c->request(QStringLiteral("ping"))), QStringLiteral("reply"));
        othersStillServed();
    }

    void wrongTypesInsideAnOp()
    {
        TestClient *ann = m_family.people[0];
        QJsonObject op = itemCreate(m_listId, kinlist::createUuid(), QStringLiteral("x"),
                                    stamp(now(), 0, ann->clientId));
        QJsonObject fields = op.value(QStringLiteral("fields")).toObject();
        fields.insert(QStringLiteral("done"), QStringLiteral("very"));
        op.insert(QStringLiteral("fields"), fields);
        const QJsonObject r = ann->mutate(op);
        QCOMPARE(type(r), QStringLiteral("reject"));
        QCOMPARE(code(r), QStringLiteral("wrong_type"));
        othersStillServed();
    }

    void oversizedFrame()
    {
        TestClient *c = signedIn(m_server);
        QVERIFY(c);
        const QString big = js("{'type':'household.create','id':9,'name':'%1'}")
                                .arg(QString(70 * 1024, QLatin1Char('x')));
        c->sendRaw(big);
        QCOMPARE(code(c->waitForType(QStringLiteral("error"))), QStringLiteral("frame_too_large"));
        QCOMPARE(type(c->request(QStringLiteral("ping"))), QStringLiteral("reply"));
        // Far beyond the limit the socket is closed (1009) instead of buffering it.
        TestClient *huge = signedIn(m_server);
        huge->sendRaw(QString(1024 * 1024, QLatin1Char('y')));
        QVERIFY(huge->waitClosed());
        QCOMPARE(int(huge->socket().closeCode()), 1009);
        othersStillServed();
    }

    void missingHello()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        c.send(QStringLiteral("household.list"));
        QCOMPARE(code(c.waitForType(QStringLiteral("error"))), QStringLiteral("hello_required"));
        QVERIFY(c.waitClosed());
        othersStillServed();
    }

    void wrongProtocolVersion()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        const QJsonObject r =
            c.request(QStringLiteral("hello"),
                      {{QStringLiteral("protocol"), 99}, {QStringLiteral("clientId"), c.clientId}});
        QCOMPARE(code(r), QStringLiteral("version_unsupported"));
        QVERIFY(c.waitClosed());
    }

    void authDeadline()
    {
        TestServer quick;
        quick.config.authTimeoutMs = 300;
        QVERIFY(quick.start());
        // One client signs in in time...
        TestClient prompt;
        QVERIFY(prompt.open(quick.url()));
        prompt.hello();
        QCOMPARE(type(prompt.registerUser(QStringLiteral("p@example.org"),
                                          QStringLiteral("password!"), QStringLiteral("P"))),
                 QStringLiteral("reply"));
        // ...one connected later never does and is dropped at its deadline.
        TestClient silent;
        QVERIFY(silent.open(quick.url()));
        QCOMPARE(code(silent.waitForType(QStringLiteral("error"))), QStringLiteral("auth_timeout"));
        QVERIFY(silent.waitClosed());
        // By then the first one's deadline has passed too, and it is still served.
        QVERIFY(prompt.isConnected());
        QCOMPARE(type(prompt.request(QStringLiteral("household.list"))), QStringLiteral("reply"));
    }

    void burstOverRateLimit()
    {
        // A burst a little over the bucket (burst 100): some frames dropped and said so,
        // once, not frame for frame; the connection stays.
        TestClient *burst = signedIn(m_server);
        QVERIFY(burst);
        for (int i = 0; i < 150; ++i)
            burst->send(QStringLiteral("ping"));
        QVERIFY(!burst
                     ->waitFor([](const QJsonObject &f) {
                         return f.value(QStringLiteral("code")).toString() ==
                             QLatin1String("rate_limited");
                     })
                     .isEmpty());
        QTRY_VERIFY(burst->countType(QStringLiteral("reply")) >= 100);
        QCOMPARE(burst->countType(QStringLiteral("error")), 0);
        QVERIFY(burst->countType(QStringLiteral("reply")) < 150);
        QTRY_COMPARE(type(burst->request(QStringLiteral("ping"), {}, 500)),
                     QStringLiteral("reply"));
        QVERIFY(burst->isConnected());
    }

    void floodPastRateLimitIsClosed()
    {
        // A connection that keeps sending over the limit (more than a burst dropped without
        // a pause) is closed with 1008; the flood is not echoed back.
        const qint64 floodsBefore =
            m_server.server->metrics().dropped[int(kinlist::server::DropReason::Flood)];
        TestClient *flooder = signedIn(m_server);
        QVERIFY(flooder);
        for (int i = 0; i < 2000; ++i)
            flooder->send(QStringLiteral("ping"));
        QVERIFY(flooder->waitClosed());
        QCOMPARE(int(flooder->socket().closeCode()), 1008);
        QVERIFY(flooder->countType(QStringLiteral("reply")) < 300);
        QVERIFY(flooder->countType(QStringLiteral("error")) <= 2);
        QCOMPARE(m_server.server->metrics().dropped[int(kinlist::server::DropReason::Flood)],
                 floodsBefore + 1);
        othersStillServed();
    }

    void byteOrderMarkIsIgnored()
    {
        // RFC 8259 lets a parser ignore a leading byte order mark; the UTF-8 decoder of
        // every text frame drops it (docs/protocol.md says so).
        TestClient *c = signedIn(m_server);
        QVERIFY(c);
        c->sendRaw(QString(QChar(0xfeff)) + js("{'type':'ping','id':70}"));
        QCOMPARE(type(c->waitFor([](const QJsonObject &f) {
                     return f.value(QStringLiteral("id")).toInteger() == 70;
                 })),
                 QStringLiteral("reply"));
    }

    void invalidUtf8IsClosed()
    {
        // A text frame must be UTF-8: Qt's WebSocket closes with 1007, and the server goes on.
        RawWebSocket raw;
        QVERIFY(raw.open(m_server.server->port()));
        raw.sendText(QByteArray("{\"type\":\"ping\",\"id\":1,\"x\":\"\xff\xfe\"}"));
        QVERIFY(raw.waitDisconnected());
        QCOMPARE(raw.closeCode(), 1007);
        othersStillServed();
    }

    void healthAndMetricsOverHttp()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server.server->port());
        QVERIFY(s.waitForConnected(5000));
        s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray response;
        QVERIFY(QTest::qWaitFor(
            [&] {
                response += s.readAll();
                return s.state() == QAbstractSocket::UnconnectedState ||
                    response.contains("\"status\"");
            },
            5000));
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
        QVERIFY(response.contains("\"status\":\"ok\""));

        QTcpSocket m;
        m.connectToHost(QHostAddress::LocalHost, m_server.server->port());
        QVERIFY(m.waitForConnected(5000));
        m.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray metrics;
        QVERIFY(QTest::qWaitFor(
            [&] {
                metrics += m.readAll();
                return metrics.contains("kinlist_commit_ops_total");
            },
            5000));
        QVERIFY(metrics.contains("kinlist_ops_applied_total "));
        QVERIFY(metrics.contains("kinlist_commit_latency_seconds{quantile=\"0.99\"}"));
        QVERIFY(metrics.contains("kinlist_connections "));
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerBadInput)
#include "tst_server_badinput.moc"
