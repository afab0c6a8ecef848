#pragma once

#include "core/op.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

// A real QWebSocket client for tests: sends protocol frames and waits (event loop, bounded
// by a timeout) for the frames that answer them. Every frame received is kept in order.
class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);

    bool open(const QUrl &url, int timeoutMs = 5000);
    void close();
    bool waitClosed(int timeoutMs = 5000);
    bool isConnected() const;
    QWebSocket &socket() { return m_ws; }

    // Sends {type, id, ...fields} and returns the id.
    qint64 send(const QString &type, QJsonObject fields = {});
    void sendRaw(const QString &text);
    // Sends a request and waits for the reply/error/ack/reject frame that carries its id.
    QJsonObject request(const QString &type, const QJsonObject &fields = {}, int timeoutMs = 10000);
    // The result object of a successful reply; fails the calling test (QVERIFY in caller) via
    // empty.
    QJsonObject result(const QString &type, const QJsonObject &fields = {}, int timeoutMs = 10000);

    // Waits for a received frame that matches and has not been taken yet; takes it.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match,
                        int timeoutMs = 5000);
    QJsonObject waitForType(const QString &type, int timeoutMs = 5000);
    // Frames received and not taken yet.
    QList<QJsonObject> pending() const { return m_frames; }
    int countType(const QString &type) const;
    void clearFrames() { m_frames.clear(); }

    // Protocol conveniences.
    QString clientId;
    QString device = QStringLiteral("test"); // sent in hello unless empty
    int protocol = 1; // the version said in hello (2: no copy of one's own ops)
    qint64 nextMutationId = 1;
    QString userId;
    QString accessToken;
    QString refreshToken;
    QJsonObject hello(const QString &token = {});
    QJsonObject registerUser(const QString &email, const QString &password, const QString &name);
    QJsonObject login(const QString &email, const QString &password);
    QJsonObject mutate(const QJsonObject &op, qint64 mutationId = -1, int timeoutMs = 10000);

    // Big item.create ops (a 9,000-character note each) on `listId`, stamped with counters
    // from `firstCounter`, until the server refuses one with a retryable storage_error (a
    // full disk: ServerStore::setFullForTesting) or 50 were acked. The refused op and its
    // mutation id (0 when none was refused, -1 when an answer was neither), and the last ack
    // before it. nextMutationId stays past the refused one.
    struct Refused
    {
        qint64 mutationId = 0;
        QJsonObject op;
        QJsonObject lastAck;
    };
    Refused mutateUntilRefused(const QString &listId, int firstCounter);

private:
    QWebSocket m_ws;
    QList<QJsonObject> m_frames;
    qint64 m_nextId = 1;
};

// The "type" and the error "code" of a frame.
inline QString type(const QJsonObject &frame)
{
    return frame.value(QStringLiteral("type")).toString();
}
inline QString code(const QJsonObject &frame)
{
    return frame.value(QStringLiteral("code")).toString();
}

// Builders for ops as a client sends them.
namespace TestOps {
QString stamp(qint64 wallMs, int counter, const QString &node);
QJsonObject listCreate(const QString &householdId, const QString &listId, const QString &name,
                       const QString &stamp);
QJsonObject itemCreate(const QString &listId, const QString &itemId, const QString &title,
                       const QString &stamp);
QJsonObject itemSet(const QString &listId, const QString &itemId, const QJsonObject &fields,
                    const QString &stamp);

// The same as kinlist::Op for a sync client to apply (it stamps them itself).
kinlist::Op listCreateOp(const QString &householdId, const QString &listId);
kinlist::Op itemOp(kinlist::Op::Type type, const QString &listId, const QString &itemId,
                   const QJsonObject &fields);
} // namespace TestOps

// A household with people in it, made through the real protocol: the first person
// registers and creates the household, the others register and join with an invite code.
struct Family
{
    QString householdId;
    QList<TestClient *> people; // owned by the caller's QObject parent
    static bool create(QObject *parent, const QUrl &url, const QStringList &names, Family *out,
                       const QString &emailTag = {});
};
