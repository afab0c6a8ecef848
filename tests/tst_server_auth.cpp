// Accounts against a real in-process server on a loopback port: register, login,
// refresh with rotation, and the tokens that must be refused.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"
#include "server/tokens.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTest>

using kinlist::server::Tokens;

class TestServerAuth : public QObject
{
    Q_OBJECT
    TestServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void secretFileIsPrivate()
    {
        if (TestServer::postgres()) {
            // In the database, for every node; no file.
            QCOMPARE(m_server.secret().size(), 32);
            QVERIFY(!QFileInfo::exists(m_server.config.dataDir + QStringLiteral("/jwt-secret")));
            return;
        }
        const QFileInfo info(m_server.config.dataDir + QStringLiteral("/jwt-secret"));
        QVERIFY(info.exists());
        QCOMPARE(info.size(), 32);
        QCOMPARE(info.permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void registerLoginRefresh()
    {
        TestClient a;
        QVERIFY(a.open(m_server.url()));
        QCOMPARE(type(a.hello()), QStringLiteral("reply"));
        const QJsonObject reg =
            a.registerUser(QStringLiteral("mum@example.org"), QStringLiteral("correct horse"),
                           QStringLiteral("Mum"));
        QCOMPARE(type(reg), QStringLiteral("reply"));
        QVERIFY(kinlist::isValidUuid(a.userId));
        QVERIFY(!a.accessToken.isEmpty());
        QVERIFY(!a.refreshToken.isEmpty());
        // Signed in: a request that needs an account works.
        QCOMPARE(type(a.request(QStringLiteral("household.list"))), QStringLiteral("reply"));

        // The same email again is a conflict.
        TestClient dup;
        dup.device.clear(); // hello without the optional device name
        QVERIFY(dup.open(m_server.url()));
        dup.hello();
        QCOMPARE(code(dup.registerUser(QStringLiteral("MUM@example.org"),
                                       QStringLiteral("other password"), QStringLiteral("X"))),
                 QStringLiteral("conflict"));
        QCOMPARE(type(dup.registerUser(QStringLiteral("nodevice@example.org"),
                                       QStringLiteral("other password"), QStringLiteral("X"))),
                 QStringLiteral("reply"));

        // Wrong password, unknown email: the same answer.
        TestClient b;
        QVERIFY(b.open(m_server.url()));
        b.hello();
        QCOMPARE(code(b.login(QStringLiteral("mum@example.org"), QStringLiteral("wrong horse"))),
                 QStringLiteral("auth_failed"));
        QCOMPARE(code(b.login(QStringLiteral("nobody@example.org"), QStringLiteral("wrong horse"))),
                 QStringLiteral("auth_failed"));
        QCOMPARE(code(b.request(QStringLiteral("household.list"))),
                 QStringLiteral("unauthenticated"));
        QCOMPARE(type(b.login(QStringLiteral("mum@example.org"), QStringLiteral("correct horse"))),
                 QStringLiteral("reply"));
        QCOMPARE(b.userId, a.userId);

        // A fresh connection signs in with the access token in hello.
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        const QJsonObject hello = c.hello(a.accessToken);
        QCOMPARE(type(hello), QStringLiteral("reply"));
        QCOMPARE(hello.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 a.userId);

        // Refresh rotates: the new token works once, the old one is refused and
        // revokes the family, so the new one dies too.
        TestClient d;
        QVERIFY(d.open(m_server.url()));
        d.hello();
        const QString first = a.refreshToken;
        const QJsonObject rotated =
            d.request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), first}});
        QCOMPARE(type(rotated), QStringLiteral("reply"));
        const QString second = rotated.value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("refreshToken"))
                                   .toString();
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(type(d.request(QStringLiteral("household.list"))), QStringLiteral("reply"));
        TestClient e;
        QVERIFY(e.open(m_server.url()));
        e.hello();
        QCOMPARE(
            code(e.request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), first}})),
            QStringLiteral("token_invalid"));
        QCOMPARE(
            code(e.request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), second}})),
            QStringLiteral("token_invalid"));
        QCOMPARE(code(e.request(QStringLiteral("refresh"),
                                {{QStringLiteral("refreshToken"), QStringLiteral("made-up")}})),
                 QStringLiteral("token_invalid"));
    }

    void logoutRevokes()
    {
        TestClient a;
        QVERIFY(a.open(m_server.url()));
        a.hello();
        QCOMPARE(type(a.registerUser(QStringLiteral("dad@example.org"), QStringLiteral("pancakes!"),
                                     QStringLiteral("Dad"))),
                 QStringLiteral("reply"));
        const QString refresh = a.refreshToken;
        QCOMPARE(
            type(a.request(QStringLiteral("logout"), {{QStringLiteral("refreshToken"), refresh}})),
            QStringLiteral("reply"));
        QCOMPARE(code(a.request(QStringLiteral("household.list"))),
                 QStringLiteral("unauthenticated"));
        QCOMPARE(
            code(a.request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), refresh}})),
            QStringLiteral("token_invalid"));
    }

    void badTokensAreRefused()
    {
        TestClient a;
        QVERIFY(a.open(m_server.url()));
        a.hello();
        QCOMPARE(type(a.registerUser(QStringLiteral("kid@example.org"),
                                     QStringLiteral("minecraft1"), QStringLiteral("Kid"))),
                 QStringLiteral("reply"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray secret = m_server.secret();
        QCOMPARE(secret.size(), 32);

        struct Case
        {
            const char *name;
            QByteArray token;
            const char *code;
        };
        const Case cases[] = {
            {"expired", Tokens::sign(secret, a.userId, now - 800, now - 10), "token_expired"},
            // Signed with the server's own key, but for longer than an access token lives
            // (15 minutes), or issued in the future.
            {"lives a day", Tokens::sign(secret, a.userId, now, now + 24 * 3600), "token_invalid"},
            {"lives 15 min 1 s", Tokens::sign(secret, a.userId, now - 1, now + 900),
             "token_invalid"},
            {"issued in the future", Tokens::sign(secret, a.userId, now + 3600, now + 3900),
             "token_invalid"},
            {"bad signature", Tokens::sign(QByteArray(32, 'x'), a.userId, now, now + 600),
             "token_invalid"},
            {"wrong audience", Tokens::sign(secret, a.userId, now, now + 600, "someone-else"),
             "token_invalid"},
            {"garbage", QByteArray("not.a.token"), "token_invalid"},
            {"tampered", Tokens::sign(secret, a.userId, now, now + 600).replace('.', ".x"),
             "token_invalid"},
        };
        for (const Case &c : cases) {
            TestClient t;
            QVERIFY(t.open(m_server.url()));
            const QJsonObject reply = t.hello(QString::fromLatin1(c.token));
            QVERIFY2(code(reply) == QLatin1String(c.code), c.name);
            // Refused token: still not signed in.
            QCOMPARE(code(t.request(QStringLiteral("household.list"))),
                     QStringLiteral("unauthenticated"));
            // And the auth request refuses it the same way.
            QCOMPARE(code(t.request(QStringLiteral("auth"),
                                    {{QStringLiteral("token"), QString::fromLatin1(c.token)}})),
                     QLatin1String(c.code));
        }
        // The control: a good token signed with the real secret is accepted, also one that
        // lives exactly the 15 minutes.
        TestClient ok;
        QVERIFY(ok.open(m_server.url()));
        QCOMPARE(
            type(ok.hello(QString::fromLatin1(Tokens::sign(secret, a.userId, now, now + 600)))),
            QStringLiteral("reply"));
        TestClient full;
        QVERIFY(full.open(m_server.url()));
        QCOMPARE(type(full.hello(
                     QString::fromLatin1(Tokens::sign(secret, a.userId, now - 1, now + 899)))),
                 QStringLiteral("reply"));
        QCOMPARE(type(ok.request(QStringLiteral("household.list"))), QStringLiteral("reply"));
    }

    void tokenExpiringMidSessionNeedsReauth()
    {
        TestServer short_;
        short_.config.accessTokenTtlSec = 1;
        QVERIFY(short_.start());
        TestClient a;
        QVERIFY(a.open(short_.url()));
        a.hello();
        QCOMPARE(type(a.registerUser(QStringLiteral("gran@example.org"), QStringLiteral("knitting"),
                                     QStringLiteral("Gran"))),
                 QStringLiteral("reply"));
        // Wait (bounded) until the server considers the token expired.
        QJsonObject r;
        QVERIFY(QTest::qWaitFor(
            [&] {
                r = a.request(QStringLiteral("household.list"));
                return code(r) == QLatin1String("token_expired");
            },
            5000));
        // Pings are still answered: a heartbeat does not depend on the token.
        QCOMPARE(type(a.request(QStringLiteral("ping"))), QStringLiteral("reply"));
        // Refresh on the same connection brings it back.
        const QJsonObject refreshed = a.request(QStringLiteral("refresh"),
                                                {{QStringLiteral("refreshToken"), a.refreshToken}});
        QCOMPARE(type(refreshed), QStringLiteral("reply"));
        QCOMPARE(type(a.request(QStringLiteral("household.list"))), QStringLiteral("reply"));
    }

    void connectionCapPerUser()
    {
        TestServer capped;
        capped.config.maxConnectionsPerUser = 2;
        QVERIFY(capped.start());
        TestClient a;
        QVERIFY(a.open(capped.url()));
        a.hello();
        QCOMPARE(type(a.registerUser(QStringLiteral("cap@example.org"), QStringLiteral("password1"),
                                     QStringLiteral("Cap"))),
                 QStringLiteral("reply"));
        TestClient b;
        QVERIFY(b.open(capped.url()));
        QCOMPARE(type(b.hello(a.accessToken)), QStringLiteral("reply"));
        TestClient c;
        QVERIFY(c.open(capped.url()));
        QCOMPARE(code(c.hello(a.accessToken)), QStringLiteral("too_many_connections"));
        QVERIFY(c.waitClosed());
        // Closing one frees a slot.
        b.close();
        QVERIFY(b.waitClosed());
        TestClient d;
        QVERIFY(d.open(capped.url()));
        QVERIFY(QTest::qWaitFor([&] { return capped.server->connectionCount() == 2; }, 5000));
        QCOMPARE(type(d.hello(a.accessToken)), QStringLiteral("reply"));
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerAuth)
#include "tst_server_auth.moc"
