// The server's own WebSocket layer (RFC 6455): the frame reader fed byte by byte, the
// handshake's answers, and a real server on loopback answering a raw client's frames.
#include "common/rawwebsocket.h"
#include "common/testserver.h"
#include "core/uuid.h"
#include "server/websocketpeer.h"
#include "server/websocketreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using kinlist::server::WebSocketPeer;
using kinlist::server::WebSocketReader;
using Kind = WebSocketReader::Kind;

namespace {

// A client's frame: FIN/RSV/opcode in `first`, masked with a fixed key unless told not to.
QByteArray clientFrame(quint8 first, const QByteArray &payload, bool masked = true,
                       int lengthBytes = 0)
{
    QByteArray f(1, char(first));
    const char maskBit = masked ? char(0x80) : char(0);
    const qint64 n = payload.size();
    if (lengthBytes == 0)
        lengthBytes = n < 126 ? 1 : n < 65536 ? 2 : 8;
    if (lengthBytes == 1) {
        f.append(char(maskBit | n));
    } else if (lengthBytes == 2) {
        f.append(char(maskBit | 126)).append(char(n >> 8)).append(char(n & 0xff));
    } else {
        f.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            f.append(char((n >> shift) & 0xff));
    }
    if (!masked)
        return f + payload;
    const char key[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(key, 4);
    for (qint64 i = 0; i < n; ++i)
        f.append(char(payload.at(i) ^ key[i % 4]));
    return f;
}

QByteArray closeFrame(quint16 code, const QByteArray &reason = {})
{
    const char c[2] = {char(code >> 8), char(code & 0xff)};
    return clientFrame(0x88, QByteArray(c, 2) + reason);
}

// Every message the reader gives for `bytes`, fed one byte at a time.
QList<WebSocketReader::Message> readByteByByte(const QByteArray &bytes, qint64 max = 1000)
{
    WebSocketReader r(max);
    QList<WebSocketReader::Message> out;
    for (char b : bytes) {
        r.append(QByteArray(1, b));
        for (int guard = 0; guard < 100; ++guard) {
            WebSocketReader::Message m = r.next();
            if (m.kind == Kind::NeedMore)
                break;
            out.append(m);
            if (m.kind == Kind::Failed)
                return out;
        }
    }
    return out;
}

// The one message `bytes` gives at once (all fed together).
WebSocketReader::Message readOne(const QByteArray &bytes, qint64 max = 1000)
{
    WebSocketReader r(max);
    r.append(bytes);
    return r.next();
}

} // namespace

class TestWebSocket : public QObject
{
    Q_OBJECT
    TestServer m_server;

    quint16 port() const { return quint16(m_server.url().port()); }

    // A peer of its own on a plain TCP server, upgraded as the gate hands sockets over, and
    // `raw` connected to it.
    WebSocketPeer *openPeer(QTcpServer &listener, RawWebSocket &raw)
    {
        if (!listener.listen(QHostAddress::LocalHost))
            return nullptr;
        WebSocketPeer *peer = nullptr;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = listener.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [&, socket] {
                if (!peer && socket->peek(8192).contains("\r\n\r\n")) {
                    peer = new WebSocketPeer(socket, 1 << 20, this);
                    if (!peer->upgrade())
                        peer = nullptr;
                }
            });
        });
        if (!raw.open(listener.serverPort()))
            return nullptr;
        listener.disconnect(this);
        return peer;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void readerPutsFragmentsTogether()
    {
        // "grün" split inside the ü: only the whole message is UTF-8, and a ping between
        // fragments comes out on its own.
        const QByteArray word = QStringLiteral("grün").toUtf8();
        const QByteArray bytes = clientFrame(0x01, word.left(3)) + clientFrame(0x89, "p") +
            clientFrame(0x80, word.mid(3)) + clientFrame(0x81, "next");
        const auto messages = readByteByByte(bytes);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).kind, Kind::Ping);
        QCOMPARE(messages.at(0).payload, QByteArray("p"));
        QCOMPARE(messages.at(1).kind, Kind::Text);
        QCOMPARE(messages.at(1).payload, word);
        QCOMPARE(messages.at(2).payload, QByteArray("next"));

        // The three length forms, and an idle reader holds nothing.
        WebSocketReader r(1 << 20);
        const QByteArray mid(300, 'm'), big(70000, 'b');
        r.append(clientFrame(0x82, "s") + clientFrame(0x82, mid) + clientFrame(0x82, big));
        QCOMPARE(r.next().payload, QByteArray("s"));
        QCOMPARE(r.next().payload, mid);
        const auto m = r.next();
        QCOMPARE(m.kind, Kind::Binary);
        QCOMPARE(m.payload, big);
        QCOMPARE(r.next().kind, Kind::NeedMore);
        QCOMPARE(r.heldBytes(), 0);
    }

    void readerRefusesBrokenFrames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("not masked") << clientFrame(0x81, "hi", false) << 1002;
        QTest::newRow("reserved bit") << clientFrame(0xC1, "hi") << 1002;
        QTest::newRow("unknown data opcode") << clientFrame(0x83, "hi") << 1002;
        QTest::newRow("unknown control opcode") << clientFrame(0x8B, "") << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x09, "p") << 1002;
        QTest::newRow("ping over 125 bytes") << clientFrame(0x89, QByteArray(126, 'p')) << 1002;
        QTest::newRow("continuation of nothing") << clientFrame(0x80, "x") << 1002;
        QTest::newRow("new message before the last ended")
            << clientFrame(0x01, "a") + clientFrame(0x81, "b") << 1002;
        QTest::newRow("64-bit length with its top bit set")
            << QByteArray("\x81\xFF\x80\x00\x00\x00\x00\x00\x00\x01", 10) << 1002;
        QTest::newRow("text not UTF-8") << clientFrame(0x81, "\xC3\x28") << 1007;
        QTest::newRow("surrogate in text") << clientFrame(0x81, "\xED\xA0\x80") << 1007;
        QTest::newRow("over the limit by its header")
            << clientFrame(0x82, QByteArray(1001, 'x')).left(4) << 1009;
        QTest::newRow("over the limit in fragments")
            << clientFrame(0x02, QByteArray(600, 'x')) + clientFrame(0x80, QByteArray(600, 'x'))
            << 1009;
        QTest::newRow("close with one byte") << clientFrame(0x88, "\x03") << 1002;
        QTest::newRow("close code 1005") << closeFrame(1005) << 1002;
        QTest::newRow("close code 999") << closeFrame(999) << 1002;
        QTest::newRow("close code 2000") << closeFrame(2000) << 1002;
        QTest::newRow("close reason not UTF-8") << closeFrame(1000, "\xFF") << 1007;
    }

    void readerRefusesBrokenFrames()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const auto messages = readByteByByte(bytes);
        QVERIFY(!messages.isEmpty());
        QCOMPARE(messages.last().kind, Kind::Failed);
        QCOMPARE(int(messages.last().code), code);
        // All at once gives the same, and the reader stays failed.
        WebSocketReader r(1000);
        r.append(bytes);
        WebSocketReader::Message m;
        for (int guard = 0; guard < 10 && m.kind != Kind::Failed; ++guard)
            m = r.next();
        QCOMPARE(int(m.code), code);
        r.append(clientFrame(0x81, "more"));
        QCOMPARE(r.next().kind, Kind::Failed);
        QCOMPARE(r.heldBytes(), 0);
    }

    void readerReadsClose()
    {
        auto m = readOne(closeFrame(4000, "bye"));
        QCOMPARE(m.kind, Kind::Close);
        QCOMPARE(int(m.code), 4000);
        QCOMPARE(m.payload, QByteArray("bye"));
        m = readOne(clientFrame(0x88, {}));
        QCOMPARE(m.kind, Kind::Close);
        QCOMPARE(int(m.code), 1005);
        // Nothing is read after a close.
        WebSocketReader r(1000);
        r.append(closeFrame(1000) + clientFrame(0x81, "late"));
        QCOMPARE(r.next().kind, Kind::Close);
        QCOMPARE(r.next().kind, Kind::NeedMore);
    }

    void handshakeAnswers()
    {
        bool ok = false;
        // RFC 6455 section 1.3's example key and accept.
        const QByteArray good = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\n"
                                "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                "Sec-WebSocket-Version: 13";
        QByteArray answer = WebSocketPeer::handshakeResponse(good, &ok);
        QVERIFY(ok);
        QVERIFY(answer.startsWith("HTTP/1.1 101 "));
        QVERIFY(answer.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(answer.endsWith("\r\n\r\n"));

        answer = WebSocketPeer::handshakeResponse(
            QByteArray(good).replace("Version: 13", "Version: 8"), &ok);
        QVERIFY(!ok);
        QVERIFY(answer.startsWith("HTTP/1.1 426 "));
        QVERIFY(answer.contains("\r\nSec-WebSocket-Version: 13\r\n"));

        const QList<QByteArray> bad = {
            QByteArray(good).replace("GET ", "POST "),
            QByteArray(good).replace("HTTP/1.1", "HTTP/1.0"),
            QByteArray(good).replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", ""),
            QByteArray(good).replace("dGhlIHNhbXBsZSBub25jZQ==", "c2hvcnQ="), // 5 bytes
            QByteArray(good).replace("dGhlIHNhbXBsZSBub25jZQ==", "!!!!!!!!!!!!!!!!!!!!!!!!"),
            QByteArray(good).replace("keep-alive, Upgrade", "keep-alive"),
        };
        for (const QByteArray &head : bad) {
            answer = WebSocketPeer::handshakeResponse(head, &ok);
            QVERIFY2(!ok, head.constData());
            QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        }
    }

    void framesKeepTheirOrderWhenTheKernelIsFull()
    {
        // A peer of its own on a plain TCP server, and a client that stops reading: the
        // kernel takes part of the frames, the socket holds the rest (a frame cut
        // anywhere), and the client then reads them all, whole and in order.
        QTcpServer listener;
        RawWebSocket raw;
        WebSocketPeer *peer = openPeer(listener, raw);
        QVERIFY(peer);
        raw.stopReading();
        QList<QByteArray> sent;
        bool full = false;
        for (int i = 0; i < 20000 && !full; ++i) {
            // Sizes that put frame edges at every offset of a write.
            const QByteArray text =
                QByteArray::number(i) + ':' + QByteArray(500 + (i * 37) % 1500, char('a' + i % 26));
            peer->sendText(text);
            sent.append(text);
            if (i % 7 == 0) {
                peer->flush();
                full = peer->bytesToWrite() > 0;
            }
        }
        peer->flush();
        QVERIFY2(peer->bytesToWrite() > 0, "the kernel took everything: nothing was left to Qt");
        raw.resumeReading();
        QTRY_COMPARE_WITH_TIMEOUT(raw.texts().size(), sent.size(), 20000);
        QCOMPARE(raw.texts(), sent);
        QCOMPARE(peer->bytesToWrite(), 0);
    }

    void pingsOfAClientThatDoesNotReadAreNotPiledUp()
    {
        // 20 MB of pings, more than the kernel's buffers hold of their pongs: once a little
        // waits for the client, its pings go unanswered instead of piling up in memory.
        QTcpServer listener;
        RawWebSocket raw;
        WebSocketPeer *peer = openPeer(listener, raw);
        QVERIFY(peer);
        int heard = 0;
        connect(peer, &WebSocketPeer::heard, this, [&heard] { ++heard; });
        raw.stopReading();
        const QByteArray payload(125, 'p');
        constexpr int kPings = 160000;
        for (int i = 0; i < kPings; ++i)
            raw.sendRawFrame(0x89, payload);
        QTRY_COMPARE_WITH_TIMEOUT(heard, kPings, 30000);
        QVERIFY2(peer->bytesToWrite() <= 64 * 1024 + 127,
                 QByteArray::number(peer->bytesToWrite()).constData());
        QVERIFY(peer->isConnected());
    }

    void serverRefusesABadHandshake()
    {
        RawWebSocket raw;
        const QByteArray head = raw.openWith(port(),
                                             "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                             "Sec-WebSocket-Version: 8\r\n");
        QVERIFY2(head.startsWith("HTTP/1.1 426 "), head.constData());
        QVERIFY(raw.waitDisconnected());
    }

    void serverAnswersPingsAndFragments()
    {
        RawWebSocket raw;
        QVERIFY(raw.open(port()));
        raw.sendFrame(0x9, "are you there");
        QTRY_COMPARE(raw.pongs(), QList<QByteArray> {"are you there"});
        // A hello in three fragments, a ping between them.
        const QByteArray hello = "{\"type\":\"hello\",\"id\":1,\"protocol\":2,\"clientId\":\"" +
            kinlist::createUuid().toLatin1() + "\",\"device\":\"raw\"}";
        raw.sendRawFrame(0x01, hello.left(10));
        raw.sendFrame(0x9, "mid");
        raw.sendRawFrame(0x00, hello.mid(10, 20));
        raw.sendRawFrame(0x80, hello.mid(30));
        QTRY_VERIFY(!raw.texts().isEmpty());
        const QJsonObject reply = QJsonDocument::fromJson(raw.texts().first()).object();
        QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("reply"));
        QCOMPARE(reply.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(raw.pongs().size(), 2);
        // The client closes; the server answers with the same code and ends the connection.
        raw.sendFrame(0x8, QByteArray("\x0f\xa0", 2) + "done"); // 4000
        QTRY_COMPARE(raw.closeCode(), 4000);
        QVERIFY(raw.waitDisconnected());
    }

    void serverClosesOnAProtocolError()
    {
        RawWebSocket raw;
        QVERIFY(raw.open(port()));
        raw.sendRawFrame(0x81, "{}", false); // not masked
        QTRY_COMPARE(raw.closeCode(), 1002);
        QVERIFY(raw.waitDisconnected());

        RawWebSocket other;
        QVERIFY(other.open(port()));
        other.sendRawFrame(0x80, "x"); // a continuation of nothing
        QTRY_COMPARE(other.closeCode(), 1002);
        QVERIFY(other.waitDisconnected());
    }
};

KINLIST_SERVER_TEST_MAIN(TestWebSocket)
#include "tst_websocket.moc"
