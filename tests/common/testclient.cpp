#include "testclient.h"

#include "core/fracindex.h"
#include "core/hlc.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QDebug>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

TestClient::TestClient(QObject *parent)
    : QObject(parent)
    , clientId(kinlist::createUuid())
{
    connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    QSignalSpy connected(&m_ws, &QWebSocket::connected);
    m_ws.open(url);
    return connected.wait(timeoutMs) || m_ws.state() == QAbstractSocket::ConnectedState;
}

void TestClient::close()
{
    m_ws.close();
}

bool TestClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_ws.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

bool TestClient::isConnected() const
{
    return m_ws.state() == QAbstractSocket::ConnectedState;
}

qint64 TestClient::send(const QString &type, QJsonObject fields)
{
    const qint64 id = m_nextId++;
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    m_ws.sendTextMessage(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    return id;
}

void TestClient::sendRaw(const QString &text)
{
    m_ws.sendTextMessage(text);
}

QJsonObject TestClient::request(const QString &type, const QJsonObject &fields, int timeoutMs)
{
    const qint64 id = send(type, fields);
    return waitFor(
        [id](const QJsonObject &f) { return f.value(QStringLiteral("id")).toInteger(-1) == id; },
        timeoutMs);
}

QJsonObject TestClient::result(const QString &type, const QJsonObject &fields, int timeoutMs)
{
    const QJsonObject r = request(type, fields, timeoutMs);
    if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
        qWarning().noquote() << type
                             << "failed:" << QJsonDocument(r).toJson(QJsonDocument::Compact);
        return {};
    }
    return r.value(QStringLiteral("result")).toObject();
}

QJsonObject TestClient::waitFor(const std::function<bool(const QJsonObject &)> &match,
                                int timeoutMs)
{
    QJsonObject found;
    auto take = [&] {
        for (qsizetype i = 0; i < m_frames.size(); ++i) {
            if (match(m_frames.at(i))) {
                found = m_frames.takeAt(i);
                return true;
            }
        }
        return false;
    };
    if (take() || QTest::qWaitFor(take, timeoutMs))
        return found;
    return {};
}

QJsonObject TestClient::waitForType(const QString &type, int timeoutMs)
{
    return waitFor(
        [&type](const QJsonObject &f) {
            return f.value(QStringLiteral("type")).toString() == type;
        },
        timeoutMs);
}

int TestClient::countType(const QString &type) const
{
    int n = 0;
    for (const QJsonObject &f : m_frames)
        n += f.value(QStringLiteral("type")).toString() == type ? 1 : 0;
    return n;
}

QJsonObject TestClient::hello(const QString &token)
{
    QJsonObject fields {{QStringLiteral("protocol"), protocol},
                        {QStringLiteral("clientId"), clientId}};
    if (!device.isEmpty())
        fields.insert(QStringLiteral("device"), device);
    if (!token.isEmpty())
        fields.insert(QStringLiteral("token"), token);
    return request(QStringLiteral("hello"), fields);
}

static void keepSession(TestClient *c, const QJsonObject &reply)
{
    const QJsonObject r = reply.value(QStringLiteral("result")).toObject();
    if (r.isEmpty())
        return;
    c->userId = r.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    c->accessToken = r.value(QStringLiteral("accessToken")).toString();
    c->refreshToken = r.value(QStringLiteral("refreshToken")).toString();
}

QJsonObject TestClient::registerUser(const QString &email, const QString &password,
                                     const QString &name)
{
    const QJsonObject reply = request(QStringLiteral("register"),
                                      {{QStringLiteral("email"), email},
                                       {QStringLiteral("password"), password},
                                       {QStringLiteral("displayName"), name}});
    keepSession(this, reply);
    return reply;
}

QJsonObject TestClient::login(const QString &email, const QString &password)
{
    const QJsonObject reply =
        request(QStringLiteral("login"),
                {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    keepSession(this, reply);
    return reply;
}

QJsonObject TestClient::mutate(const QJsonObject &op, qint64 mutationId, int timeoutMs)
{
    if (mutationId < 0)
        mutationId = nextMutationId++;
    return request(QStringLiteral("mutate"),
                   {{QStringLiteral("clientId"), clientId},
                    {QStringLiteral("mutationId"), mutationId},
                    {QStringLiteral("listId"), op.value(QStringLiteral("listId"))},
                    {QStringLiteral("op"), op}},
                   timeoutMs);
}

TestClient::Refused TestClient::mutateUntilRefused(const QString &listId, int firstCounter)
{
    Refused result;
    for (int i = 0; i < 50; ++i) {
        QJsonObject op = TestOps::itemCreate(
            listId, kinlist::createUuid(), QStringLiteral("Big %1").arg(i),
            TestOps::stamp(QDateTime::currentMSecsSinceEpoch(), firstCounter + i, clientId));
        QJsonObject fields = op.value(QStringLiteral("fields")).toObject();
        fields.insert(QStringLiteral("note"), QString(9000, QLatin1Char('n')));
        op.insert(QStringLiteral("fields"), fields);
        const qint64 mid = nextMutationId++;
        const QJsonObject r = mutate(op, mid);
        if (type(r) == QLatin1String("ack")) {
            result.lastAck = r;
            continue;
        }
        const bool refused = type(r) == QLatin1String("reject") &&
            code(r) == QLatin1String("storage_error") && r.value(QStringLiteral("retry")).toBool();
        if (!refused)
            qWarning() << "neither an ack nor a storage_error:" << r;
        result.mutationId = refused ? mid : -1;
        result.op = op;
        break;
    }
    return result;
}

namespace TestOps {
QString stamp(qint64 wallMs, int counter, const QString &node)
{
    return kinlist::Hlc {wallMs, counter, node}.toString();
}

QJsonObject listCreate(const QString &householdId, const QString &listId, const QString &name,
                       const QString &stamp)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("list.create")},
                        {QStringLiteral("listId"), listId},
                        {QStringLiteral("householdId"), householdId},
                        {QStringLiteral("stamp"), stamp},
                        {QStringLiteral("fields"),
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("kind"), QStringLiteral("shopping")},
                                      {QStringLiteral("position"), QStringLiteral("a0")}}}};
}

QJsonObject itemCreate(const QString &listId, const QString &itemId, const QString &title,
                       const QString &stamp)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("item.create")},
                        {QStringLiteral("listId"), listId},
                        {QStringLiteral("itemId"), itemId},
                        {QStringLiteral("stamp"), stamp},
                        {QStringLiteral("fields"),
                         QJsonObject {{QStringLiteral("title"), title},
                                      {QStringLiteral("done"), false},
                                      {QStringLiteral("position"), QStringLiteral("a0")}}}};
}

QJsonObject itemSet(const QString &listId, const QString &itemId, const QJsonObject &fields,
                    const QString &stamp)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("item.set")},
                        {QStringLiteral("listId"), listId},
                        {QStringLiteral("itemId"), itemId},
                        {QStringLiteral("stamp"), stamp},
                        {QStringLiteral("fields"), fields}};
}
kinlist::Op listCreateOp(const QString &householdId, const QString &listId)
{
    kinlist::Op op;
    op.type = kinlist::Op::Type::ListCreate;
    op.listId = listId;
    op.householdId = householdId;
    op.fields = {{QStringLiteral("name"), QStringLiteral("Groceries")},
                 {QStringLiteral("kind"), QStringLiteral("shopping")},
                 {QStringLiteral("position"), kinlist::FracIndex::between({}, {})}};
    return op;
}

kinlist::Op itemOp(kinlist::Op::Type type, const QString &listId, const QString &itemId,
                   const QJsonObject &fields)
{
    kinlist::Op op;
    op.type = type;
    op.listId = listId;
    op.itemId = itemId;
    op.fields = fields;
    return op;
}
} // namespace TestOps

bool Family::create(QObject *parent, const QUrl &url, const QStringList &names, Family *out,
                    const QString &emailTag)
{
    Family f;
    QString code;
    for (const QString &name : names) {
        auto *c = new TestClient(parent);
        if (!c->open(url) || c->hello().value(QStringLiteral("type")) != QLatin1String("reply"))
            return false;
        const QString email = QStringLiteral("%1%2@example.org").arg(name.toLower(), emailTag);
        if (c->registerUser(email, QStringLiteral("password-%1").arg(name), name)
                .value(QStringLiteral("type")) != QLatin1String("reply"))
            return false;
        if (f.householdId.isEmpty()) {
            const QJsonObject h = c->result(QStringLiteral("household.create"),
                                            {{QStringLiteral("name"), QStringLiteral("Family")}});
            f.householdId = h.value(QStringLiteral("household"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
            const QJsonObject inv = c->result(
                QStringLiteral("invite.create"),
                {{QStringLiteral("householdId"), f.householdId}, {QStringLiteral("maxUses"), 50}});
            code = inv.value(QStringLiteral("code")).toString();
            if (f.householdId.isEmpty() || code.isEmpty())
                return false;
        } else {
            const QJsonObject joined =
                c->result(QStringLiteral("household.join"), {{QStringLiteral("code"), code}});
            if (joined.value(QStringLiteral("household"))
                    .toObject()
                    .value(QStringLiteral("id"))
                    .toString() != f.householdId)
                return false;
        }
        f.people.append(c);
    }
    *out = f;
    return true;
}
