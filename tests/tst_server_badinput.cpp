// Bad input gets a stable error code and never stops the server serving others.
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

    void floodPastRateLimit()
    {
        TestClient *flooder = signedIn(m_server);
        QVERIFY(flooder);
        for (int i = 0; i < 400; ++i)
            flooder->send(QStringLiteral("ping"));
        QVERIFY(!flooder
                     ->waitFor([](const QJsonObject &f) {
                         return f.value(QStringLiteral("code")).toString() ==
                             QLatin1String("rate_limited");
                     })
                     .isEmpty());
        // Not every ping was answered: the bucket held at most its burst plus the refill.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return flooder->countType(QStringLiteral("reply")) +
                    flooder->countType(QStringLiteral("error")) >=
                    399;
            },
            5000));
        QVERIFY(flooder->countType(QStringLiteral("reply")) < 300);
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
