#include "op.h"

#include "fracindex.h"
#include "jsonreader.h"
#include "recurrence.h"
#include "uuid.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>
#include <QStringBuilder>

#include <algorithm>
#include <cmath>

namespace kinlist {

namespace {

struct TypeName
{
    Op::Type type;
    const char *name;
};
constexpr TypeName kTypeNames[] = {
    {Op::Type::ListCreate, "list.create"}, {Op::Type::ListSet, "list.set"},
    {Op::Type::ListDelete, "list.delete"}, {Op::Type::ItemCreate, "item.create"},
    {Op::Type::ItemSet, "item.set"},       {Op::Type::ItemDelete, "item.delete"},
    {Op::Type::ItemMove, "item.move"},
};

const TypeName *typeNamed(const QString &name)
{
    const auto *t =
        std::find_if(std::begin(kTypeNames), std::end(kTypeNames),
                     [&name](const TypeName &t) { return name == QLatin1String(t.name); });
    return t == std::end(kTypeNames) ? nullptr : t;
}

Error fail(ErrorCode code, const QString &message)
{
    return Error {code, message};
}

Error checkString(const QJsonValue &v, const QString &name, int maxLen, bool nonEmpty)
{
    if (!v.isString())
        return fail(ErrorCode::WrongType, QStringLiteral("%1 must be a string").arg(name));
    const QString s = v.toString();
    if (s.size() > maxLen)
        return fail(ErrorCode::TooLong,
                    QStringLiteral("%1 is longer than %2 characters").arg(name).arg(maxLen));
    if (nonEmpty && s.trimmed().isEmpty())
        return fail(ErrorCode::BadValue, QStringLiteral("%1 must not be empty").arg(name));
    return {};
}

Error checkBool(const QJsonValue &v, const QString &name)
{
    if (!v.isBool())
        return fail(ErrorCode::WrongType, QStringLiteral("%1 must be true or false").arg(name));
    return {};
}

Error checkPosition(const QJsonValue &v)
{
    if (!v.isString())
        return fail(ErrorCode::WrongType, QStringLiteral("position must be a string"));
    if (v.toString().size() > FracIndex::kMaxLength)
        return fail(ErrorCode::TooLong, QStringLiteral("position is too long"));
    if (!FracIndex::isValid(v.toString()))
        return fail(ErrorCode::BadValue, QStringLiteral("position is not a fractional index"));
    return {};
}

Error checkListField(const QString &name, const QJsonValue &v)
{
    if (name == QLatin1String("name"))
        return checkString(v, name, Limits::kListName, true);
    if (name == QLatin1String("kind")) {
        if (!v.isString())
            return fail(ErrorCode::WrongType, QStringLiteral("kind must be a string"));
        if (v.toString() != QLatin1String("shopping") && v.toString() != QLatin1String("tasks"))
            return fail(ErrorCode::BadValue,
                        QStringLiteral("kind must be \"shopping\" or \"tasks\""));
        return {};
    }
    if (name == QLatin1String("position"))
        return checkPosition(v);
    if (name == QLatin1String("archived") || name == QLatin1String("deleted"))
        return checkBool(v, name);
    if (name == QLatin1String("color")) {
        if (v.isNull())
            return {};
        if (!v.isString())
            return fail(ErrorCode::WrongType, QStringLiteral("color must be a string or null"));
        if (!Limits::kListColors.contains(v.toString()))
            return fail(ErrorCode::BadValue,
                        QStringLiteral("color must be one of %1")
                            .arg(Limits::kListColors.join(QStringLiteral(", "))));
        return {};
    }
    if (name == QLatin1String("categoryOrder")) {
        // The categories in the order the family walks the shop; null for the app's own.
        if (v.isNull())
            return {};
        if (!v.isArray())
            return fail(ErrorCode::WrongType,
                        QStringLiteral("categoryOrder must be an array of strings or null"));
        const QJsonArray order = v.toArray();
        if (order.size() > Limits::kCategoryOrder)
            return fail(ErrorCode::TooLong,
                        QStringLiteral("categoryOrder has more than %1 entries")
                            .arg(Limits::kCategoryOrder));
        QSet<QString> seen;
        for (const QJsonValue &c : order) {
            if (Error e = checkString(c, QStringLiteral("a categoryOrder entry"), Limits::kCategory,
                                      true))
                return e;
            if (seen.contains(c.toString()))
                return fail(ErrorCode::BadValue,
                            QStringLiteral("categoryOrder names a category twice"));
            seen.insert(c.toString());
        }
        return {};
    }
    return fail(ErrorCode::BadValue,
                QStringLiteral("unknown list field \"%1\"").arg(name.left(40)));
}

Error checkDue(const QJsonValue &v, const QString &name)
{
    if (v.isNull())
        return {};
    if (Error e = checkString(v, name, Limits::kDue, true))
        return e;
    const QString s = v.toString();
    const bool ok = s.size() == 10 ? QDate::fromString(s, Qt::ISODate).isValid()
                                   : QDateTime::fromString(s, Qt::ISODate).isValid();
    if (!ok)
        return fail(ErrorCode::BadValue,
                    QStringLiteral("%1 must be an ISO 8601 date or date-time").arg(name));
    return {};
}

// {"due": the occurrence done (or null), "by": who did it, "on": the day it was done}
Error checkCompleted(const QJsonValue &v)
{
    if (v.isNull())
        return {};
    if (!v.isObject())
        return fail(ErrorCode::WrongType, QStringLiteral("completed must be an object or null"));
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("due") && it.key() != QLatin1String("by") &&
            it.key() != QLatin1String("on"))
            return fail(ErrorCode::BadValue, QStringLiteral("completed has due, by and on"));
    }
    if (Error e = checkDue(o.value(QStringLiteral("due")), QStringLiteral("completed.due")))
        return e;
    const QJsonValue by = o.value(QStringLiteral("by"));
    if (!by.isString() || !isValidUuid(by.toString()))
        return fail(ErrorCode::BadUuid, QStringLiteral("completed.by must be a user id"));
    const QJsonValue on = o.value(QStringLiteral("on"));
    if (!on.isString() || on.toString().size() != 10 ||
        !QDate::fromString(on.toString(), Qt::ISODate).isValid())
        return fail(ErrorCode::BadValue, QStringLiteral("completed.on must be an ISO 8601 date"));
    return {};
}

Error checkItemField(const QString &name, const QJsonValue &v)
{
    if (name == QLatin1String("title"))
        return checkString(v, name, Limits::kItemTitle, true);
    if (name == QLatin1String("note"))
        return checkString(v, name, Limits::kItemNote, false);
    if (name == QLatin1String("unit"))
        return checkString(v, name, Limits::kUnit, false);
    if (name == QLatin1String("category"))
        return checkString(v, name, Limits::kCategory, false);
    if (name == QLatin1String("quantity")) {
        if (v.isNull())
            return {};
        if (!v.isDouble())
            return fail(ErrorCode::WrongType, QStringLiteral("quantity must be a number or null"));
        const double q = v.toDouble();
        if (!std::isfinite(q) || q < 0 || q > Limits::kMaxQuantity)
            return fail(ErrorCode::BadValue,
                        QStringLiteral("quantity must be between 0 and 1000000"));
        return {};
    }
    if (name == QLatin1String("assignee")) {
        if (v.isNull())
            return {};
        if (!v.isString())
            return fail(ErrorCode::WrongType, QStringLiteral("assignee must be a user id or null"));
        if (!isValidUuid(v.toString()))
            return fail(ErrorCode::BadUuid, QStringLiteral("assignee is not a valid id"));
        return {};
    }
    if (name == QLatin1String("due"))
        return checkDue(v, name);
    if (name == QLatin1String("reminder")) {
        if (v.isNull())
            return {};
        if (!v.isDouble())
            return fail(ErrorCode::WrongType,
                        QStringLiteral("reminder must be a number of minutes or null"));
        const double m = v.toDouble();
        if (m != std::floor(m) || m < 0 || m > Limits::kMaxReminder)
            return fail(ErrorCode::BadValue,
                        QStringLiteral("reminder must be whole minutes from 0 to %1")
                            .arg(Limits::kMaxReminder));
        return {};
    }
    if (name == QLatin1String("position"))
        return checkPosition(v);
    if (name == QLatin1String("done") || name == QLatin1String("deleted"))
        return checkBool(v, name);
    if (name == QLatin1String("repeat")) {
        Error e;
        if (!v.isNull())
            Recurrence::fromJson(v, &e);
        return e;
    }
    if (name == QLatin1String("completed"))
        return checkCompleted(v);
    return fail(ErrorCode::BadValue,
                QStringLiteral("unknown item field \"%1\"").arg(name.left(40)));
}

Error checkServerField(const QString &name, const QJsonValue &v)
{
    if (name == QLatin1String("createdBy")) {
        if (!v.isString() || !isValidUuid(v.toString()))
            return fail(ErrorCode::BadUuid, QStringLiteral("createdBy is not a valid id"));
        return {};
    }
    if (!v.isDouble())
        return fail(ErrorCode::WrongType, QStringLiteral("createdAt must be a number"));
    return {};
}

Error requireUuid(const QJsonObject &json, const QString &key, QString *out)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined())
        return fail(ErrorCode::MissingField, QStringLiteral("op.%1 is required").arg(key));
    if (!v.isString())
        return fail(ErrorCode::WrongType, QStringLiteral("op.%1 must be a string").arg(key));
    if (!isValidUuid(v.toString()))
        return fail(ErrorCode::BadUuid, QStringLiteral("op.%1 is not a valid id").arg(key));
    *out = v.toString();
    return {};
}

} // namespace

QString Op::typeName(Type type)
{
    for (const auto &t : kTypeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

EntityKind Op::entityKind() const
{
    switch (type) {
    case Type::ListCreate:
    case Type::ListSet:
    case Type::ListDelete:
        return EntityKind::List;
    default:
        return EntityKind::Item;
    }
}

QJsonObject Op::toJson() const
{
    QJsonObject o {{QStringLiteral("type"), typeName(type)},
                   {QStringLiteral("listId"), listId},
                   {QStringLiteral("stamp"), stamp.toString()},
                   {QStringLiteral("fields"), fields}};
    if (entityKind() == EntityKind::Item)
        o.insert(QStringLiteral("itemId"), itemId);
    if (type == Type::ListCreate)
        o.insert(QStringLiteral("householdId"), householdId);
    if (!actAs.isEmpty())
        o.insert(QStringLiteral("actAs"), actAs);
    if (round > 0)
        o.insert(QStringLiteral("round"), round);
    return o;
}

namespace {

// A string as QJsonDocument writes it: quote, backslash and control characters escaped
// (\u00xx in lower case for those without a short form), everything else as UTF-8, and a
// lone surrogate as \uxxxx.
void appendJsonString(QByteArray *out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    out->append('"');
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    while (p < end) {
        const char16_t *run = p;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
            ++p;
        if (p > run) {
            const qsizetype at = out->size();
            out->resize(at + (p - run));
            std::copy(run, p, out->data() + at); // (ASCII: one byte each)
            continue;
        }
        const char16_t u = *p++;
        if (u < 0x80) {
            out->append('\\');
            switch (u) {
            case '"':
            case '\\':
                out->append(char(u));
                break;
            case '\b':
                out->append('b');
                break;
            case '\f':
                out->append('f');
                break;
            case '\n':
                out->append('n');
                break;
            case '\r':
                out->append('r');
                break;
            case '\t':
                out->append('t');
                break;
            default:
                out->append("u00").append(hex[u >> 4]).append(hex[u & 0xF]);
            }
        } else if (u < 0x800) {
            out->append(char(0xC0 | (u >> 6))).append(char(0x80 | (u & 0x3F)));
        } else if (QChar::isHighSurrogate(u) && p < end && QChar::isLowSurrogate(*p)) {
            const char32_t cp = QChar::surrogateToUcs4(u, *p++);
            out->append(char(0xF0 | (cp >> 18)))
                .append(char(0x80 | ((cp >> 12) & 0x3F)))
                .append(char(0x80 | ((cp >> 6) & 0x3F)))
                .append(char(0x80 | (cp & 0x3F)));
        } else if (QChar::isSurrogate(u)) {
            out->append("\\u")
                .append(hex[u >> 12])
                .append(hex[(u >> 8) & 0xF])
                .append(hex[(u >> 4) & 0xF])
                .append(hex[u & 0xF]);
        } else {
            out->append(char(0xE0 | (u >> 12)))
                .append(char(0x80 | ((u >> 6) & 0x3F)))
                .append(char(0x80 | (u & 0x3F)));
        }
    }
    out->append('"');
}

// The fields as QJsonDocument writes them (compact, keys in order). Written here when they
// are strings, booleans and nulls, as most are: this runs for every op the server applies.
QByteArray fieldsJson(const QJsonObject &fields)
{
    QByteArray out;
    out.reserve(256);
    out.append('{');
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (out.size() > 1)
            out.append(',');
        appendJsonString(&out, it.key());
        out.append(':');
        const QJsonValue v = it.value();
        switch (v.type()) {
        case QJsonValue::String:
            appendJsonString(&out, v.toString());
            break;
        case QJsonValue::Bool:
            out.append(v.toBool() ? "true" : "false");
            break;
        case QJsonValue::Null:
            out.append("null");
            break;
        default: // (numbers are written as integers or doubles by how they were read)
            return QJsonDocument(fields).toJson(QJsonDocument::Compact);
        }
    }
    out.append('}');
    return out;
}

} // namespace

QByteArray Op::toJsonBytes() const
{
    // Ids are validated UUIDs and the stamp and type are plain ASCII: only the fields need
    // a JSON encoder.
    QByteArray out;
    const QByteArray f = fieldsJson(fields);
    out.reserve(f.size() + 200);
    out += '{';
    if (!actAs.isEmpty())
        out += "\"actAs\":\"" % actAs.toLatin1() % "\",";
    out += "\"fields\":";
    out += f;
    if (type == Type::ListCreate)
        out += ",\"householdId\":\"" % householdId.toLatin1() % '"';
    if (entityKind() == EntityKind::Item)
        out += ",\"itemId\":\"" % itemId.toLatin1() % '"';
    out += ",\"listId\":\"" % listId.toLatin1() % '"';
    if (round > 0)
        out += ",\"round\":" % QByteArray::number(round);
    out += ",\"stamp\":\"" % stamp.toString().toLatin1() % "\",\"type\":\"" %
        typeName(type).toLatin1() % "\"}";
    return out;
}

Op Op::fromJson(const QJsonObject &json, Error *error, bool fromServer)
{
    Op op;
    auto bail = [&](Error e) {
        if (error)
            *error = std::move(e);
        return Op {};
    };
    const QJsonValue typeValue = json.value(QStringLiteral("type"));
    if (typeValue.isUndefined())
        return bail(fail(ErrorCode::MissingField, QStringLiteral("op.type is required")));
    if (!typeValue.isString())
        return bail(fail(ErrorCode::WrongType, QStringLiteral("op.type must be a string")));
    const TypeName *named = typeNamed(typeValue.toString());
    if (!named)
        return bail(fail(ErrorCode::BadValue, QStringLiteral("op.type is not a known op")));
    op.type = named->type;

    QStringList allowedKeys {QStringLiteral("type"), QStringLiteral("listId"),
                             QStringLiteral("stamp"), QStringLiteral("fields")};
    if (Error e = requireUuid(json, QStringLiteral("listId"), &op.listId))
        return bail(e);
    if (op.entityKind() == EntityKind::Item) {
        allowedKeys << QStringLiteral("itemId");
        if (Error e = requireUuid(json, QStringLiteral("itemId"), &op.itemId))
            return bail(e);
    }
    if (op.type == Type::ListCreate) {
        allowedKeys << QStringLiteral("householdId");
        if (Error e = requireUuid(json, QStringLiteral("householdId"), &op.householdId))
            return bail(e);
    }
    if (json.contains(QStringLiteral("actAs"))) {
        allowedKeys << QStringLiteral("actAs");
        if (Error e = requireUuid(json, QStringLiteral("actAs"), &op.actAs))
            return bail(e);
    }
    if (json.contains(QStringLiteral("round"))) {
        const QJsonValue round = json.value(QStringLiteral("round"));
        if (op.type != Type::ItemSet)
            return bail(fail(ErrorCode::BadValue, QStringLiteral("only item.set has a round")));
        // (In range before the whole-number test: casting 1e23 to an integer is undefined.)
        const double r = round.toDouble();
        if (!round.isDouble() || !(r >= 0 && r <= Limits::kMaxRound) || r != std::floor(r))
            return bail(fail(ErrorCode::BadValue,
                             QStringLiteral("op.round must be a whole number from 0 to %1")
                                 .arg(Limits::kMaxRound)));
        allowedKeys << QStringLiteral("round");
        op.round = round.toInt();
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!allowedKeys.contains(it.key()))
            return bail(
                fail(ErrorCode::BadValue,
                     QStringLiteral("op has an unknown key \"%1\"").arg(it.key().left(40))));
    }

    const QJsonValue stampValue = json.value(QStringLiteral("stamp"));
    if (stampValue.isUndefined())
        return bail(fail(ErrorCode::MissingField, QStringLiteral("op.stamp is required")));
    if (!stampValue.isString())
        return bail(fail(ErrorCode::WrongType, QStringLiteral("op.stamp must be a string")));
    const auto stamp = Hlc::parse(stampValue.toString());
    if (!stamp)
        return bail(fail(ErrorCode::BadValue, QStringLiteral("op.stamp is not an HLC stamp")));
    op.stamp = *stamp;

    const QJsonValue fieldsValue = json.value(QStringLiteral("fields"));
    if (fieldsValue.isUndefined() && (op.type == Type::ListDelete || op.type == Type::ItemDelete)) {
        op.fields = {};
    } else if (fieldsValue.isUndefined()) {
        return bail(fail(ErrorCode::MissingField, QStringLiteral("op.fields is required")));
    } else if (!fieldsValue.isObject()) {
        return bail(fail(ErrorCode::WrongType, QStringLiteral("op.fields must be an object")));
    } else {
        op.fields = fieldsValue.toObject();
    }

    if (Error e = op.checkAndNormalizeFields(fromServer))
        return bail(e);
    if (error)
        *error = {};
    return op;
}

Error Op::checkAndNormalizeFields(bool fromServer)
{
    const bool isList = entityKind() == EntityKind::List;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const bool serverField =
            it.key() == QLatin1String("createdBy") || it.key() == QLatin1String("createdAt");
        Error e;
        if (serverField) {
            e = fromServer && isCreate()
                ? checkServerField(it.key(), it.value())
                : fail(ErrorCode::BadValue,
                       QStringLiteral("%1 is set by the server").arg(it.key()));
        } else {
            e = isList ? checkListField(it.key(), it.value())
                       : checkItemField(it.key(), it.value());
        }
        if (e)
            return e;
    }

    switch (type) {
    case Type::ListCreate:
        if (!fromServer &&
            (!fields.contains(QStringLiteral("name")) || !fields.contains(QStringLiteral("kind"))))
            return fail(ErrorCode::MissingField, QStringLiteral("list.create needs name and kind"));
        break;
    case Type::ItemCreate:
        if (!fromServer && !fields.contains(QStringLiteral("title")))
            return fail(ErrorCode::MissingField, QStringLiteral("item.create needs a title"));
        break;
    case Type::ListSet:
    case Type::ItemSet:
        if (fields.isEmpty())
            return fail(ErrorCode::BadValue, QStringLiteral("a set op must change a field"));
        break;
    case Type::ListDelete:
    case Type::ItemDelete:
        if (fields.size() > 1 ||
            (fields.size() == 1 && fields.value(QStringLiteral("deleted")) != QJsonValue(true)))
            return fail(ErrorCode::BadValue, QStringLiteral("a delete op carries no fields"));
        fields = QJsonObject {{QStringLiteral("deleted"), true}};
        break;
    case Type::ItemMove:
        if (fields.size() != 1 || !fields.contains(QStringLiteral("position")))
            return fail(ErrorCode::BadValue, QStringLiteral("item.move sets only position"));
        break;
    }
    return {};
}

bool Op::readJson(JsonReader &reader, Op *out)
{
    // The keys of fromJson, each once; anything it would refuse or read differently is left
    // to it (false).
    enum Key {
        TypeKey = 1,
        ListKey = 2,
        ItemKey = 4,
        HouseholdKey = 8,
        ActAsKey = 16,
        StampKey = 32,
        RoundKey = 64,
        FieldsKey = 128
    };
    Op op;
    JsonReader::Seen seen;
    const bool read = reader.object([&](QByteArrayView k) {
        if (k == "type" && seen.first(TypeKey)) {
            QString name;
            const TypeName *named = reader.string(&name) ? typeNamed(name) : nullptr;
            if (named)
                op.type = named->type;
            return named != nullptr;
        }
        if (k == "listId" && seen.first(ListKey))
            return reader.uuid(&op.listId);
        if (k == "itemId" && seen.first(ItemKey))
            return reader.uuid(&op.itemId);
        if (k == "householdId" && seen.first(HouseholdKey))
            return reader.uuid(&op.householdId);
        if (k == "actAs" && seen.first(ActAsKey))
            return reader.uuid(&op.actAs);
        if (k == "stamp" && seen.first(StampKey)) {
            QString stamp;
            const auto parsed = reader.string(&stamp) ? Hlc::parse(stamp) : std::nullopt;
            if (parsed)
                op.stamp = *parsed;
            return parsed.has_value();
        }
        if (k == "round" && seen.first(RoundKey)) {
            qint64 round = 0;
            if (!reader.integer(&round) || round > Limits::kMaxRound)
                return false;
            op.round = int(round);
            return true;
        }
        if (k == "fields" && seen.first(FieldsKey))
            return reader.flatObject(&op.fields);
        return false;
    });
    if (!read)
        return false;
    const bool isDelete = op.type == Type::ListDelete || op.type == Type::ItemDelete;
    int required = TypeKey | ListKey | StampKey | (isDelete ? 0 : FieldsKey);
    int allowed = required | ActAsKey | FieldsKey;
    if (op.entityKind() == EntityKind::Item) {
        required |= ItemKey;
        allowed |= ItemKey;
    }
    if (op.type == Type::ListCreate) {
        required |= HouseholdKey;
        allowed |= HouseholdKey;
    }
    if (op.type == Type::ItemSet)
        allowed |= RoundKey;
    if ((seen.keys & required) != required || (seen.keys & ~allowed) ||
        op.checkAndNormalizeFields(false))
        return false;
    *out = std::move(op);
    return true;
}

ListChange listChange(const Op &listSet)
{
    const QJsonObject &f = listSet.fields;
    if (f.value(QStringLiteral("deleted")) == QJsonValue(false))
        return ListChange::Restored;
    if (f.contains(QStringLiteral("name")))
        return ListChange::Renamed;
    if (f.contains(QStringLiteral("archived")))
        return f.value(QStringLiteral("archived")).toBool() ? ListChange::Archived
                                                            : ListChange::Unarchived;
    if (f.contains(QStringLiteral("color")))
        return ListChange::Recoloured;
    if (f.contains(QStringLiteral("position")))
        return ListChange::Moved;
    return ListChange::Other;
}

} // namespace kinlist
