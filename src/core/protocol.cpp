#include "protocol.h"

#include "jsonreader.h"
#include "uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <vector>

namespace kinlist::Protocol {

namespace {

enum class T { Str, Int, Bool, Uuid, Obj };

struct FieldSpec
{
    const char *name;
    T type;
    bool required;
    qint64 max; // max length for strings, max value for ints
    qint64 min = 0; // min length for strings, min value for ints
};

struct MessageSpec
{
    const char *type;
    std::vector<FieldSpec> fields;
};

const std::vector<MessageSpec> &catalogue()
{
    static const std::vector<MessageSpec> specs = {
        {"hello",
         {{"protocol", T::Int, true, 1000, 0},
          {"clientId", T::Uuid, true, 0},
          {"token", T::Str, false, 4096},
          {"device", T::Str, false, 100},
          {"app", T::Str, false, 100}}},
        {"auth", {{"token", T::Str, true, 4096, 1}}},
        {"register",
         {{"email", T::Str, true, 254, 3},
          {"password", T::Str, true, 1024, 8},
          {"displayName", T::Str, true, 100, 1}}},
        {"login", {{"email", T::Str, true, 254, 1}, {"password", T::Str, true, 1024, 1}}},
        {"refresh", {{"refreshToken", T::Str, true, 200, 1}}},
        {"logout", {{"refreshToken", T::Str, false, 200, 1}, {"all", T::Bool, false, 0}}},
        {"household.create", {{"name", T::Str, true, 100, 1}}},
        {"household.list", {}},
        {"household.members", {{"householdId", T::Uuid, true, 0}}},
        {"household.leave", {{"householdId", T::Uuid, true, 0}}},
        {"household.join", {{"code", T::Str, true, 32, 1}}},
        {"member.remove", {{"householdId", T::Uuid, true, 0}, {"userId", T::Uuid, true, 0}}},
        {"member.setRole",
         {{"householdId", T::Uuid, true, 0},
          {"userId", T::Uuid, true, 0},
          {"role", T::Str, true, 10, 1}}},
        {"invite.create",
         {{"householdId", T::Uuid, true, 0},
          {"ttlSeconds", T::Int, false, 7 * 24 * 3600, 60},
          {"maxUses", T::Int, false, 50, 1}}},
        {"kiosk.code.create",
         {{"householdId", T::Uuid, true, 0}, {"ttlSeconds", T::Int, false, 24 * 3600, 60}}},
        {"kiosk.pair", {{"code", T::Str, true, 32, 1}, {"name", T::Str, true, 100, 1}}},
        {"lists", {{"householdId", T::Uuid, true, 0}}},
        {"subscribe", {{"listId", T::Uuid, true, 0}, {"sinceSeq", T::Int, true, kMaxSafeInt, 0}}},
        {"unsubscribe", {{"listId", T::Uuid, true, 0}}},
        {"mutate",
         {{"clientId", T::Uuid, true, 0},
          {"mutationId", T::Int, true, kMaxSafeInt, 1},
          {"listId", T::Uuid, true, 0},
          {"op", T::Obj, true, 0}}},
        {"history",
         {{"listId", T::Uuid, false, 0},
          {"householdId", T::Uuid, false, 0},
          {"before", T::Int, false, kMaxSafeInt, 1},
          {"limit", T::Int, false, 200, 1}}},
        {"ping", {}},
    };
    return specs;
}

const char *typeWord(T t)
{
    switch (t) {
    case T::Str:
    case T::Uuid:
        return "a string";
    case T::Int:
        return "an integer";
    case T::Bool:
        return "true or false";
    case T::Obj:
        return "an object";
    }
    return "?";
}

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= double(kMaxSafeInt);
}

Error checkField(const QJsonValue &v, const FieldSpec &spec)
{
    const QString name = QString::fromLatin1(spec.name);
    auto wrongType = [&] {
        return Error {
            ErrorCode::WrongType,
            QStringLiteral("%1 must be %2").arg(name, QLatin1String(typeWord(spec.type)))};
    };
    switch (spec.type) {
    case T::Str: {
        if (!v.isString())
            return wrongType();
        const qsizetype len = v.toString().size();
        if (len > spec.max)
            return Error {
                ErrorCode::TooLong,
                QStringLiteral("%1 is longer than %2 characters").arg(name).arg(spec.max)};
        if (len < spec.min)
            return Error {
                ErrorCode::BadValue,
                QStringLiteral("%1 needs at least %2 characters").arg(name).arg(spec.min)};
        return {};
    }
    case T::Uuid:
        if (!v.isString())
            return wrongType();
        if (!isValidUuid(v.toString()))
            return Error {ErrorCode::BadUuid, QStringLiteral("%1 is not a valid id").arg(name)};
        return {};
    case T::Int: {
        if (!isInteger(v))
            return wrongType();
        const qint64 n = qint64(v.toDouble());
        if (n < spec.min || n > spec.max)
            return Error {ErrorCode::BadValue,
                          QStringLiteral("%1 must be between %2 and %3")
                              .arg(name)
                              .arg(spec.min)
                              .arg(spec.max)};
        return {};
    }
    case T::Bool:
        return v.isBool() ? Error {} : wrongType();
    case T::Obj:
        return v.isObject() ? Error {} : wrongType();
    }
    return {};
}

// The members of every object in a parsed value.
qsizetype membersIn(const QJsonValue &v)
{
    qsizetype n = 0;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        n += o.size();
        for (auto it = o.begin(); it != o.end(); ++it)
            n += membersIn(it.value());
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            n += membersIn(e);
    }
    return n;
}

// The members written in valid JSON text: one ':' outside strings each. Qt's parser keeps
// the last of two equal keys, so fewer members parsed than written means a duplicate key.
qsizetype membersWritten(const QByteArray &json)
{
    qsizetype n = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char ch = json.at(i);
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == ':') {
            ++n;
        }
    }
    return n;
}

Decoded parseObject(const QByteArray &frame)
{
    Decoded d;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &pe);
    if (pe.error != QJsonParseError::NoError) {
        d.error = {ErrorCode::BadJson,
                   QStringLiteral("frame is not valid JSON: %1 at offset %2")
                       .arg(pe.errorString())
                       .arg(pe.offset)};
        return d;
    }
    if (!doc.isObject()) {
        d.error = {ErrorCode::BadMessage, QStringLiteral("frame must be a JSON object")};
        return d;
    }
    d.message = doc.object();
    const QJsonValue id = d.message.value(QStringLiteral("id"));
    if (isInteger(id) && id.toDouble() >= 0)
        d.id = qint64(id.toDouble());
    const QJsonValue type = d.message.value(QStringLiteral("type"));
    if (type.isUndefined()) {
        d.error = {ErrorCode::MissingField, QStringLiteral("type is required")};
        return d;
    }
    if (!type.isString()) {
        d.error = {ErrorCode::WrongType, QStringLiteral("type must be a string")};
        return d;
    }
    d.type = type.toString();
    return d;
}

} // namespace

bool decodeMutate(const QByteArray &frame, qint64 *id, MutateRequest *out)
{
    enum Key { TypeKey = 1, IdKey = 2, ClientKey = 4, MutationKey = 8, ListKey = 16, OpKey = 32 };
    constexpr int kAll = 63;
    JsonReader reader(frame);
    MutateRequest m;
    qint64 requestId = -1;
    JsonReader::Seen seen;
    const bool read = reader.object([&](QByteArrayView k) {
        if (k == "type" && seen.first(TypeKey)) {
            QString type;
            return reader.string(&type) && type == QLatin1String("mutate");
        }
        if (k == "id" && seen.first(IdKey))
            return reader.integer(&requestId);
        if (k == "clientId" && seen.first(ClientKey))
            return reader.uuid(&m.clientId);
        if (k == "mutationId" && seen.first(MutationKey))
            return reader.integer(&m.mutationId) && m.mutationId >= 1;
        if (k == "listId" && seen.first(ListKey))
            return reader.uuid(&m.listId);
        if (k == "op" && seen.first(OpKey))
            return Op::readJson(reader, &m.op);
        return false;
    });
    if (!read || !reader.atEnd() || seen.keys != kAll)
        return false;
    *id = requestId;
    *out = std::move(m);
    return true;
}

Decoded decodeRequest(const QByteArray &frame, DecodePath path)
{
    if (path == DecodePath::Any) {
        Decoded fast;
        MutateRequest m;
        if (decodeMutate(frame, &fast.id, &m)) {
            fast.type = QStringLiteral("mutate");
            fast.mutate = std::move(m);
            return fast;
        }
    }
    Decoded d = parseObject(frame);
    if (d.error)
        return d;
    if (membersIn(d.message) != membersWritten(frame)) {
        d.error = {ErrorCode::BadJson,
                   QStringLiteral("frame is not valid JSON here: an object repeats a key")};
        return d;
    }
    const MessageSpec *spec = nullptr;
    for (const MessageSpec &s : catalogue()) {
        if (d.type == QLatin1String(s.type))
            spec = &s;
    }
    if (!spec) {
        d.error = {ErrorCode::UnknownType,
                   QStringLiteral("unknown message type \"%1\"").arg(d.type.left(40))};
        return d;
    }
    const QJsonValue id = d.message.value(QStringLiteral("id"));
    if (id.isUndefined()) {
        d.error = {ErrorCode::MissingField, QStringLiteral("id is required")};
        return d;
    }
    if (d.id < 0) {
        d.error = {ErrorCode::WrongType, QStringLiteral("id must be a non-negative integer")};
        return d;
    }
    for (auto it = d.message.begin(); it != d.message.end(); ++it) {
        if (it.key() == QLatin1String("type") || it.key() == QLatin1String("id"))
            continue;
        bool known = false;
        for (const FieldSpec &f : spec->fields)
            known = known || it.key() == QLatin1String(f.name);
        if (!known) {
            d.error = {ErrorCode::BadValue,
                       QStringLiteral("%1 has no field \"%2\"").arg(d.type, it.key().left(40))};
            return d;
        }
    }
    for (const FieldSpec &f : spec->fields) {
        const QJsonValue v = d.message.value(QLatin1String(f.name));
        if (v.isUndefined()) {
            if (f.required) {
                d.error = {
                    ErrorCode::MissingField,
                    QStringLiteral("%1 needs the field \"%2\"").arg(d.type, QLatin1String(f.name))};
                return d;
            }
            continue;
        }
        if (Error e = checkField(v, f)) {
            d.error = e;
            return d;
        }
    }
    if (d.type == QLatin1String("mutate")) {
        MutateRequest m;
        m.clientId = d.message.value(QLatin1String("clientId")).toString();
        m.mutationId = qint64(d.message.value(QLatin1String("mutationId")).toDouble());
        m.listId = d.message.value(QLatin1String("listId")).toString();
        m.op = Op::fromJson(d.message.value(QLatin1String("op")).toObject(), &m.opError);
        d.mutate = std::move(m);
    }
    return d;
}

Decoded decodeServerFrame(const QByteArray &frame)
{
    return parseObject(frame);
}

QByteArray encode(const QJsonObject &message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QJsonObject reply(qint64 id, const QJsonObject &result)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("reply")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("result"), result}};
}

QJsonObject error(qint64 id, const Error &error)
{
    QJsonObject o {{QStringLiteral("type"), QStringLiteral("error")},
                   {QStringLiteral("code"), errorCodeName(error.code)},
                   {QStringLiteral("message"), error.message}};
    if (id >= 0)
        o.insert(QStringLiteral("id"), id);
    return o;
}

} // namespace kinlist::Protocol
