// Transport: wss:// with a certificate, and the heartbeat that drops silent (half-open)
// connections while keeping live ones.
#include "common/testclient.h"
#include "common/testserver.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

class TestServerTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secureWebSocket()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!openssl.isEmpty(),
                 "openssl is needed to make a test certificate (scripts/install-deps.sh)");
        TestServer server;
        const QString cert = server.dir.filePath(QStringLiteral("cert.pem"));
        const QString key = server.dir.filePath(QStringLiteral("key.pem"));
        QProcess p;
        p.start(openssl,
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        server.config.certPath = cert;
        server.config.keyPath = key;
        QVERIFY(server.start());
        QCOMPARE(server.url().scheme(), QStringLiteral("wss"));

        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromDevice(&certFile, QSsl::Pem));

        // A client that trusts the certificate talks the protocol over TLS.
        TestClient c;
        c.socket().setSslConfiguration(ssl);
        QVERIFY(c.open(server.url()));
        QCOMPARE(type(c.hello()), QStringLiteral("reply"));
        QCOMPARE(type(c.registerUser(QStringLiteral("tls@example.org"), QStringLiteral("encrypted"),
                                     QStringLiteral("Tess"))),
                 QStringLiteral("reply"));

        // One that does not trust it is refused by its own TLS check, and never gets in.
        TestClient untrusting;
        QSignalSpy sslErrors(&untrusting.socket(), &QWebSocket::sslErrors);
        untrusting.socket().open(server.url());
        QVERIFY(sslErrors.wait(10000));
        QVERIFY(!untrusting.isConnected());

        // Plain ws:// to the TLS port does not get a WebSocket.
        QUrl plain = server.url();
        plain.setScheme(QStringLiteral("ws"));
        TestClient cleartext;
        cleartext.socket().open(plain);
        QVERIFY(cleartext.waitClosed(15000));
        QVERIFY(!cleartext.isConnected());

        // Health over https.
        QSslSocket s;
        s.setSslConfiguration(ssl);
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.server->port());
        QTRY_VERIFY_WITH_TIMEOUT(s.isEncrypted(),
                                 10000); // the server runs on this thread: no blocking wait
        s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray response;
        QVERIFY(QTest::qWaitFor(
            [&] {
                response += s.readAll();
                return response.contains("\"status\"");
            },
            10000));
        QVERIFY(response.startsWith("HTTP/1.1 200"));
    }

    void heartbeatDropsSilentConnections()
    {
        TestServer server;
        server.config.pingIntervalMs = 100;
        server.config.idleTimeoutMs = 500;
        server.config.authTimeoutMs = 60000;
        QVERIFY(server.start());

        // A live client: it never sends a frame after signing in, but its WebSocket
        // answers pings, so it stays.
        TestClient live;
        QVERIFY(live.open(server.url()));
        live.hello();
        QCOMPARE(type(live.registerUser(QStringLiteral("alive@example.org"),
                                        QStringLiteral("heartbeat"), QStringLiteral("Al"))),
                 QStringLiteral("reply"));

        // A half-open peer: completes the WebSocket handshake, then goes silent and answers
        // no ping, like a laptop whose lid closed. (The sign-in deadline is far longer than
        // this test, so only the heartbeat can drop it.)
        QTcpSocket dead;
        dead.connectToHost(QHostAddress::LocalHost, server.server->port());
        QVERIFY(dead.waitForConnected(5000));
        dead.write(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray head;
        QVERIFY(QTest::qWaitFor(
            [&] {
                head += dead.readAll();
                return head.contains("\r\n\r\n");
            },
            5000));
        QVERIFY(head.startsWith("HTTP/1.1 101"));
        QTRY_COMPARE_WITH_TIMEOUT(server.server->connectionCount(), 2, 5000);

        // The silent one is cut off after the idle timeout; the live one is not.
        QTRY_COMPARE_WITH_TIMEOUT(dead.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(server.server->connectionCount(), 1, 5000);
        QVERIFY(live.isConnected());
        QCOMPARE(type(live.request(QStringLiteral("ping"))), QStringLiteral("reply"));
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerTransport)
#include "tst_server_transport.moc"
