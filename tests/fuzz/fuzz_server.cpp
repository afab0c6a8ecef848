// libFuzzer target: kinlist-server's whole frame path in-process, through the seam
// (SyncServer::dispatchFrame), with a temporary SQLite store and no sockets. Two
// households are set up once: Ann's (a list with an item) and Bo's. Each input is up to
// 32 frames, one per line, sent on a fresh connection; "$T" in a frame becomes Ann's
// access token, "$L"/"$I"/"$H" her list, item and household, "$C" the connection's client
// id, "$BL"/"$BI"/"$BH" Bo's list, item and household, so that inputs reach deep paths.
//
// Besides ASan/UBSan findings, it stops at: a frame from the server that is not a JSON
// object with a type, a change reaching Bo's household (his list's log or its item), or
// Bo's item no longer being an item of his list.
#include "core/uuid.h"
#include "server/serverstore.h"
#include "server/syncserver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThreadPool>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using kinlist::server::SyncServer;

namespace {
struct World
{
    QTemporaryDir dir;
    std::unique_ptr<SyncServer> server;
    QString token, list, item, household;
    QString bList, bItem, bHousehold;
    qint64 bSeq = 0;
};
World *g_world = nullptr;

[[noreturn]] void fail(const char *why, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz_server: %s %s\n", why, detail.left(400).constData());
    std::abort();
}

QJsonObject parse(const QByteArray &frame)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("type")).isString())
        fail("the server sent something that is not a frame:", frame);
    return doc.object();
}

// Sends a frame and waits (running the event loop, bounded) for the one that answers `id`.
QJsonObject ask(SyncServer &s, quint64 conn, const QJsonObject &request)
{
    QList<QByteArray> sent = s.dispatchFrame(conn, QJsonDocument(request).toJson());
    const qint64 id = request.value(QStringLiteral("id")).toInteger();
    for (int round = 0; round < 2000; ++round) {
        for (const QByteArray &f : std::as_const(sent)) {
            const QJsonObject o = parse(f);
            if (o.value(QStringLiteral("id")).toInteger(-1) == id)
                return o;
        }
        QThreadPool::globalInstance()->waitForDone(10);
        QCoreApplication::processEvents();
        sent = s.takeSent(conn);
    }
    fail("no answer in setup to", QJsonDocument(request).toJson());
}

QString stampNow(int counter, const QString &node)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QDateTime::currentMSecsSinceEpoch(), 15, 10, QLatin1Char('0'))
        .arg(counter, 6, 10, QLatin1Char('0'))
        .arg(node);
}

// A person with a household, a list and an item in it, made through the seam.
void makeFamily(SyncServer &s, const QString &name, QString *token, QString *hh, QString *list,
                QString *item)
{
    const quint64 c = s.openVirtualConnection();
    const QString clientId = kinlist::createUuid();
    ask(s, c,
        {{QStringLiteral("type"), QStringLiteral("hello")},
         {QStringLiteral("id"), 1},
         {QStringLiteral("protocol"), 1},
         {QStringLiteral("clientId"), clientId}});
    const QJsonObject reg = ask(s, c,
                                {{QStringLiteral("type"), QStringLiteral("register")},
                                 {QStringLiteral("id"), 2},
                                 {QStringLiteral("email"), name + QStringLiteral("@fuzz.example")},
                                 {QStringLiteral("password"), QStringLiteral("password!")},
                                 {QStringLiteral("displayName"), name}});
    *token = reg.value(QStringLiteral("result"))
                 .toObject()
                 .value(QStringLiteral("accessToken"))
                 .toString();
    *hh = ask(s, c,
              {{QStringLiteral("type"), QStringLiteral("household.create")},
               {QStringLiteral("id"), 3},
               {QStringLiteral("name"), name}})
              .value(QStringLiteral("result"))
              .toObject()
              .value(QStringLiteral("household"))
              .toObject()
              .value(QStringLiteral("id"))
              .toString();
    *list = kinlist::createUuid();
    *item = kinlist::createUuid();
    const QJsonObject ops[] = {
        {{QStringLiteral("type"), QStringLiteral("list.create")},
         {QStringLiteral("listId"), *list},
         {QStringLiteral("householdId"), *hh},
         {QStringLiteral("stamp"), stampNow(0, clientId)},
         {QStringLiteral("fields"),
          QJsonObject {{QStringLiteral("name"), name},
                       {QStringLiteral("kind"), QStringLiteral("shopping")}}}},
        {{QStringLiteral("type"), QStringLiteral("item.create")},
         {QStringLiteral("listId"), *list},
         {QStringLiteral("itemId"), *item},
         {QStringLiteral("stamp"), stampNow(1, clientId)},
         {QStringLiteral("fields"),
          QJsonObject {{QStringLiteral("title"), QStringLiteral("Milk")}}}},
    };
    int mutation = 0;
    for (const QJsonObject &op : ops) {
        const QJsonObject ack = ask(s, c,
                                    {{QStringLiteral("type"), QStringLiteral("mutate")},
                                     {QStringLiteral("id"), 10 + mutation},
                                     {QStringLiteral("clientId"), clientId},
                                     {QStringLiteral("mutationId"), ++mutation},
                                     {QStringLiteral("listId"), *list},
                                     {QStringLiteral("op"), op}});
        if (ack.value(QStringLiteral("type")).toString() != QLatin1String("ack"))
            fail("setup mutation refused:", QJsonDocument(ack).toJson());
    }
    s.closeVirtualConnection(c);
}

void checkBoIsUntouched(World &w)
{
    auto &store = w.server->storeForTesting();
    const auto list = store.list(w.bList);
    if (!list || list->householdId != w.bHousehold || list->headSeq != w.bSeq)
        fail("Bo's list changed");
    const auto itemList = store.listOfEntity(w.bItem);
    if (!itemList || *itemList != w.bList)
        fail("Bo's item moved");
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.info=false;*.warning=false");
    static QCoreApplication app(*argc, *argv);
    auto *w = new World;
    kinlist::server::ServerConfig config;
    config.listen = false;
    config.dataDir = w->dir.path() + QStringLiteral("/data");
    config.passwordHashLimits = QStringLiteral("min");
    config.authTimeoutMs = 100;
    w->server = std::make_unique<SyncServer>(config);
    QString error;
    if (!w->server->start(&error))
        fail("cannot start:", error.toUtf8());
    makeFamily(*w->server, QStringLiteral("ann"), &w->token, &w->household, &w->list, &w->item);
    QString unused;
    makeFamily(*w->server, QStringLiteral("bo"), &unused, &w->bHousehold, &w->bList, &w->bItem);
    w->bSeq = w->server->storeForTesting().list(w->bList)->headSeq;
    g_world = w;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    World &w = *g_world;
    SyncServer &s = *w.server;
    const QString clientId = kinlist::createUuid();
    const quint64 conn = s.openVirtualConnection();
    const QList<QByteArray> frames =
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\n');
    int n = 0;
    for (QByteArray frame : frames) {
        if (++n > 32 || s.closeCodeOf(conn) >= 0)
            break;
        frame.replace("$BL", w.bList.toLatin1())
            .replace("$BI", w.bItem.toLatin1())
            .replace("$BH", w.bHousehold.toLatin1())
            .replace("$T", w.token.toLatin1())
            .replace("$L", w.list.toLatin1())
            .replace("$I", w.item.toLatin1())
            .replace("$H", w.household.toLatin1())
            .replace("$C", clientId.toLatin1());
        for (const QByteArray &out : s.dispatchFrame(conn, frame))
            parse(out);
    }
    // Sign-ins finish on the thread pool: let them land before the connection goes.
    QThreadPool::globalInstance()->waitForDone(2000);
    QCoreApplication::processEvents();
    for (const QByteArray &out : s.takeSent(conn))
        parse(out);
    s.closeVirtualConnection(conn);
    checkBoIsUntouched(w);
    return 0;
}
