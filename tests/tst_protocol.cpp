// The codec's strict validation: each kind of bad frame gets its stable error code. The
// fast path for mutate frames agrees with the general one on everything it accepts.
#include "core/protocol.h"
#include "core/uuid.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QVariant>

using namespace kinlist;

// JSON written with single quotes, for readability in the test data.
static QByteArray j(const char *s)
{
    return QByteArray(s).replace('\'', '"');
}

static const QByteArray kClient = "0f8fad5b-d9cb-469f-a165-70867728950e";
static const QByteArray kList = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
static const QByteArray kItem = "16fd2706-8baf-433b-82eb-8c7fada847da";
static const QByteArray kUser = "886313e1-3b8a-4372-9b90-0c9aee199e5d";
static const QByteArray kHousehold = "2c5ea4c0-4067-41f9-8a57-1bd2eb1b9e4a";

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("echoedId");
        const QByteArray uuid = createUuid().toLatin1();
        QTest::newRow("ok hello")
            << QByteArray(j("{'type':'hello','id':1,'protocol':1,'clientId':'") + uuid + "\"}")
            << QStringLiteral("none") << qint64(1);
        QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("bad_json")
                                  << qint64(-1);
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("bad_message")
                               << qint64(-1);
        QTest::newRow("no type") << QByteArray(j("{'id':3}")) << QStringLiteral("missing_field")
                                 << qint64(3);
        QTest::newRow("type number")
            << QByteArray(j("{'id':3,'type':7}")) << QStringLiteral("wrong_type") << qint64(3);
        QTest::newRow("unknown type") << QByteArray(j("{'id':4,'type':'launch'}"))
                                      << QStringLiteral("unknown_type") << qint64(4);
        QTest::newRow("no id") << QByteArray(j("{'type':'ping'}"))
                               << QStringLiteral("missing_field") << qint64(-1);
        QTest::newRow("string id") << QByteArray(j("{'type':'ping','id':'x'}"))
                                   << QStringLiteral("wrong_type") << qint64(-1);
        QTest::newRow("fraction id") << QByteArray(j("{'type':'ping','id':1.5}"))
                                     << QStringLiteral("wrong_type") << qint64(-1);
        QTest::newRow("missing clientId") << QByteArray(j("{'type':'hello','id':5,'protocol':1}"))
                                          << QStringLiteral("missing_field") << qint64(5);
        QTest::newRow("bad uuid") << QByteArray(
                                         j("{'type':'hello','id':5,'protocol':1,'clientId':'abc'}"))
                                  << QStringLiteral("bad_uuid") << qint64(5);
        QTest::newRow("protocol string")
            << QByteArray(j("{'type':'hello','id':5,'protocol':'1','clientId':'") + uuid + "\"}")
            << QStringLiteral("wrong_type") << qint64(5);
        QTest::newRow("extra field") << QByteArray(j("{'type':'ping','id':6,'admin':true}"))
                                     << QStringLiteral("bad_value") << qint64(6);
        QTest::newRow("short password")
            << QByteArray(j(
                   "{'type':'register','id':7,'email':'a@b','password':'short','displayName':'A'}"))
            << QStringLiteral("bad_value") << qint64(7);
        QTest::newRow("long name") << QByteArray(j("{'type':'household.create','id':8,'name':'") +
                                                 QByteArray(101, 'n') + "\"}")
                                   << QStringLiteral("too_long") << qint64(8);
        QTest::newRow("negative seq")
            << QByteArray(j("{'type':'subscribe','id':9,'listId':'") + uuid + j("','sinceSeq':-1}"))
            << QStringLiteral("bad_value") << qint64(9);
        QTest::newRow("op not object")
            << QByteArray(j("{'type':'mutate','id':10,'clientId':'") + uuid +
                          j("','mutationId':1,'listId':'") + uuid + j("','op':'x'}"))
            << QStringLiteral("wrong_type") << qint64(10);
        QTest::newRow("mutation id zero")
            << QByteArray(j("{'type':'mutate','id':10,'clientId':'") + uuid +
                          j("','mutationId':0,'listId':'") + uuid + j("','op':{}}"))
            << QStringLiteral("bad_value") << qint64(10);
    }

    void decode()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(qint64, echoedId);
        const Protocol::Decoded d = Protocol::decodeRequest(frame);
        QCOMPARE(errorCodeName(d.error.code), code);
        QCOMPARE(d.id, echoedId);
        if (d.error) {
            QVERIFY(!d.error.message.isEmpty());
            const QJsonObject e = Protocol::error(d.id, d.error);
            QCOMPARE(e.value(QStringLiteral("code")).toString(), code);
        }
    }

    // Valid mutate frames, as clients write them and in a few odd but valid spellings.
    static QList<QByteArray> mutateFrames()
    {
        const QByteArray head = j("{'type':'mutate','id':7,'clientId':'") + kClient +
            j("','mutationId':12,'listId':'") + kList + j("','op':");
        const QByteArray ids = j("'listId':'") + kList + j("','itemId':'") + kItem + "\"";
        const QByteArray stamp = j("'stamp':'001733300000000-000003-") + kClient + "'";
        auto frame = [&](const char *type, const QByteArray &rest) {
            return head + j("{'type':'") + type + j("',") + ids + ',' + j(stamp) + rest + "}}";
        };
        return {
            frame("item.set",
                  j(",'fields':{'title':'Milk 2L','done':false,'note':'") +
                      R"({\"n\":17,\"ts\":1733300000123.5,\"from\":3})" + "\"}"),
            frame("item.create",
                  j(",'fields':{'title':'Br\xc3\xb6tchen \xf0\x9f\xa5\x90','quantity':2,"
                    "'unit':'kg','category':'B\xc3\xa4"
                    "ckerei'}")),
            frame("item.set",
                  j(",'fields':{'note':'") + R"(\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u20AC x)" +
                      "\"}"),
            frame("item.set",
                  j(",'actAs':'") + kUser +
                      j("','round':3,'fields':{'due':null,"
                        "'assignee':'") +
                      kUser + j("','reminder':15}")),
            frame("item.set", j(",'round':0,'fields':{'done':true}")),
            frame("item.delete", ""),
            frame("item.delete", j(",'fields':{'deleted':true}")),
            frame("item.move", j(",'fields':{'position':'a0V'}")),
            head + j("{'type':'list.create','listId':'") + kList + j("','householdId':'") +
                kHousehold + "\"," + j(stamp) +
                j(",'fields':{'name':'Groceries','kind':'shopping','position':'a1'}}}"),
            head + j("{'type':'list.set','listId':'") + kList + "\"," + j(stamp) +
                j(",'fields':{'color':null,'archived':true}}}"),
            // Keys in another order, whitespace between tokens, id 0.
            j(" {\n 'op' : { 'fields' : { 'title' : 'Eggs' } ,\t'stamp':'001733300000000-000000-") +
                kClient + j("', 'itemId':'") + kItem + j("','listId':'") + kList +
                j("','type':'item.set'},\r\n'listId':'") + kList +
                j("','mutationId':1,'clientId':'") + kClient + j("','id':0,'type':'mutate'}\n"),
        };
    }

    // Empty when the fast path declines `frame` or agrees with the general path, else what
    // differs.
    static QString disagreement(const QByteArray &frame, bool *accepted)
    {
        qint64 id = -1;
        Protocol::MutateRequest fast;
        *accepted = Protocol::decodeMutate(frame, &id, &fast);
        if (!*accepted)
            return {};
        const Protocol::Decoded general =
            Protocol::decodeRequest(frame, Protocol::DecodePath::General);
        if (general.error)
            return QStringLiteral("the general path refuses it: ") + general.error.message;
        if (!general.mutate)
            return QStringLiteral("the general path reads no mutate request");
        if (general.mutate->opError)
            return QStringLiteral("the general path refuses its op: ") +
                general.mutate->opError.message;
        const Protocol::MutateRequest &g = *general.mutate;
        if (id != general.id || fast.clientId != g.clientId || fast.mutationId != g.mutationId ||
            fast.listId != g.listId)
            return QStringLiteral("the request's fields differ");
        if (fast.op.toJsonBytes() != g.op.toJsonBytes() || fast.op.fields != g.op.fields)
            return QStringLiteral("the ops differ: %1 against %2")
                .arg(QString::fromUtf8(fast.op.toJsonBytes()),
                     QString::fromUtf8(g.op.toJsonBytes()));
        for (auto it = g.op.fields.begin(); it != g.op.fields.end(); ++it) {
            if (fast.op.fields.value(it.key()).toVariant().typeId() !=
                it.value().toVariant().typeId())
                return QStringLiteral("field %1 has another type").arg(it.key());
        }
        return {};
    }

    void mutateFastPathReadsWhatClientsWrite()
    {
        for (const QByteArray &frame : mutateFrames()) {
            bool accepted = false;
            const QString diff = disagreement(frame, &accepted);
            QVERIFY2(accepted, frame.constData());
            QVERIFY2(diff.isEmpty(),
                     qPrintable(diff + QStringLiteral(" in ") + QString::fromUtf8(frame)));
            // The server's decoder takes the fast path: no QJsonObject built.
            const Protocol::Decoded d = Protocol::decodeRequest(frame);
            QVERIFY(!d.error);
            QVERIFY(d.mutate && !d.mutate->opError);
            QVERIFY(d.message.isEmpty());
        }
    }

    void mutateFastPathDeclinesWhatItDoesNotRead_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("generalCode"); // the general path's answer
        QTest::newRow("fraction") << j("'mutationId':12") << j("'mutationId':12.0")
                                  << QStringLiteral("none");
        QTest::newRow("exponent") << j("'id':7") << j("'id':7e0") << QStringLiteral("none");
        QTest::newRow("escaped key")
            << j("'title'") << j("'titl\\u0065'") << QStringLiteral("none");
        QTest::newRow("fields key twice")
            << j("'done':false") << j("'done':false,'done':true") << QStringLiteral("bad_json");
        QTest::newRow("frame key twice")
            << j("'id':7") << j("'id':7,'id':8") << QStringLiteral("bad_json");
        QTest::newRow("lone surrogate")
            << j("'Milk 2L'") << j("'\\ud83d'") << QStringLiteral("none");
        // (Qt reads these three as written; the fast path leaves them to it.)
        QTest::newRow("nul escape")
            << j("'Milk 2L'") << j("'Milk\\u0000'") << QStringLiteral("none");
        QTest::newRow("lone low surrogate")
            << j("'Milk 2L'") << j("'\\udc00'") << QStringLiteral("none");
        QTest::newRow("noncharacter")
            << j("'Milk 2L'") << j("'Milk\xef\xbf\xbe'") << QStringLiteral("none");
        QTest::newRow("encoded surrogate")
            << j("'Milk 2L'") << j("'Milk\xed\xa0\x80'") << QStringLiteral("bad_json");
        QTest::newRow("overlong utf-8")
            << j("'Milk 2L'") << j("'Milk\xc0\x80'") << QStringLiteral("bad_json");
        QTest::newRow("unknown key")
            << j("'id':7") << j("'id':7,'extra':1") << QStringLiteral("bad_value");
        QTest::newRow("mutation id zero")
            << j("'mutationId':12") << j("'mutationId':0") << QStringLiteral("bad_value");
        QTest::newRow("bad list id")
            << QByteArray("\"listId\":\"" + kList) << QByteArray("\"listId\":\"X" + kList)
            << QStringLiteral("bad_uuid");
        QTest::newRow("trailing garbage") << j("'}}}") << j("'}}} x") << QStringLiteral("bad_json");
        QTest::newRow("array field")
            << j("'done':false") << j("'done':[false]") << QStringLiteral("none");
    }

    void mutateFastPathDeclinesWhatItDoesNotRead()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, generalCode);
        QByteArray frame = mutateFrames().constFirst();
        QVERIFY(frame.contains(from));
        frame.replace(frame.indexOf(from), from.size(), to);
        qint64 id = -1;
        Protocol::MutateRequest m;
        QVERIFY(!Protocol::decodeMutate(frame, &id, &m));
        // The server's decoder falls back to the general path, which decides.
        const Protocol::Decoded d = Protocol::decodeRequest(frame);
        QCOMPARE(errorCodeName(d.error.code), generalCode);
        QCOMPARE(d.mutate.has_value(), !d.error);
    }

    void hugeRoundIsRefused()
    {
        // (Found by the edits below under UBSan: 1e23 was cast to an integer.)
        QByteArray frame = mutateFrames().constFirst();
        frame.replace(j("'fields':{'title'"), j("'round':1e23,'fields':{'title'"));
        const Protocol::Decoded d = Protocol::decodeRequest(frame);
        QVERIFY(!d.error);
        QVERIFY(d.mutate);
        QCOMPARE(d.mutate->opError.code, ErrorCode::BadValue);
    }

    // Seeded edits of valid frames: whatever the fast path accepts, the general path accepts
    // the same way.
    void mutateFastPathAgreesOnEditedFrames()
    {
        const QList<QByteArray> seeds = mutateFrames();
        const QList<QByteArray> pieces {"\"",
                                        "\\",
                                        ",",
                                        ":",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        " ",
                                        "\n",
                                        "0",
                                        "1",
                                        "9",
                                        "-",
                                        ".",
                                        "e",
                                        "u",
                                        "n",
                                        "t",
                                        "f",
                                        "a",
                                        QByteArray(1, '\0'),
                                        "\x1f",
                                        "\x7f",
                                        "\xc3",
                                        "\xa4",
                                        "\xed",
                                        "\xa0",
                                        "\xef",
                                        "\xbf",
                                        "\xbe",
                                        "\xf4",
                                        "\x90",
                                        "\xc0",
                                        "\\u00e4",
                                        "\\ud83d\\ude00",
                                        "\\ud83d",
                                        "\\udc00",
                                        "\\u0000",
                                        "\\uFFFF",
                                        "\xef\xbf\xbe",
                                        "\xed\xa0\x80",
                                        "\xf0\x9f\x98\x80",
                                        ",\"round\":3",
                                        ",\"actAs\":\"" + kUser + "\"",
                                        "1.0",
                                        "1e2",
                                        "01",
                                        "true",
                                        "null",
                                        "9007199254740992",
                                        "9007199254740991"};
        // Members written after a '{' or ',' (where a key may start), and op types swapped.
        const QList<QByteArray> members {"\"round\":3,",
                                         "\"round\":0,",
                                         "\"actAs\":\"" + kUser + "\",",
                                         "\"itemId\":\"" + kItem + "\",",
                                         "\"householdId\":\"" + kHousehold + "\",",
                                         "\"fields\":{},",
                                         "\"stamp\":\"001733300000000-000001-n\",",
                                         "\"deleted\":true,",
                                         "\"deleted\":false,",
                                         "\"position\":\"a0\",",
                                         "\"position\":\"\",",
                                         "\"title\":\"x\",",
                                         "\"title\":\" \",",
                                         "\"createdBy\":\"" + kUser + "\",",
                                         "\"createdAt\":5,",
                                         "\"quantity\":2,",
                                         "\"quantity\":2000000,",
                                         "\"color\":\"red\",",
                                         "\"color\":\"gold\",",
                                         "\"kind\":\"tasks\",",
                                         "\"kind\":\"x\",",
                                         "\"name\":\"N\",",
                                         "\"reminder\":99999,",
                                         "\"due\":\"2026-12-07\",",
                                         "\"due\":\"2026-13-07\",",
                                         "\"assignee\":\"x\",",
                                         "\"unit\":\"" + QByteArray(30, 'g') + "\",",
                                         "\"done\":1,",
                                         "\"archived\":null,",
                                         "\"listId\":\"" + kItem + "\",",
                                         "\"clientId\":\"" + kUser + "\","};
        const QList<QByteArray> types {"\"item.set\"",    "\"item.create\"", "\"item.delete\"",
                                       "\"item.move\"",   "\"list.set\"",    "\"list.create\"",
                                       "\"list.delete\"", "\"mutate\"",      "\"ping\""};
        QRandomGenerator rng(15);
        int accepted = 0;
        for (int i = 0; i < 40000; ++i) {
            QByteArray frame = seeds.at(rng.bounded(int(seeds.size())));
            const int edits = 1 + rng.bounded(3);
            for (int e = 0; e < edits && !frame.isEmpty(); ++e) {
                const int at = rng.bounded(int(frame.size()));
                const QByteArray &piece = pieces.at(rng.bounded(int(pieces.size())));
                switch (rng.bounded(6)) {
                case 4: { // a member where a key may start
                    const qsizetype open = frame.indexOf(rng.bounded(2) ? '{' : ',', at);
                    if (open >= 0)
                        frame.insert(open + 1, members.at(rng.bounded(int(members.size()))));
                    break;
                }
                case 5: { // another type
                    const QByteArray &from = types.at(rng.bounded(int(types.size())));
                    if (const qsizetype t = frame.indexOf(from); t >= 0)
                        frame.replace(t, from.size(), types.at(rng.bounded(int(types.size()))));
                    break;
                }
                case 0:
                    frame.replace(at, 1, piece);
                    break;
                case 1:
                    frame.insert(at, piece);
                    break;
                case 2:
                    frame.remove(at, 1 + rng.bounded(8));
                    break;
                default: // a slice written twice
                    frame.insert(at,
                                 frame.mid(rng.bounded(int(frame.size())), 1 + rng.bounded(40)));
                    break;
                }
            }
            // Whatever op the general path accepts is written as Qt's encoder would.
            const Protocol::Decoded general =
                Protocol::decodeRequest(frame, Protocol::DecodePath::General);
            if (general.mutate && !general.mutate->opError) {
                const Op &op = general.mutate->op;
                QCOMPARE(op.toJsonBytes(),
                         QJsonDocument(op.toJson()).toJson(QJsonDocument::Compact));
            }
            bool ok = false;
            const QString diff = disagreement(frame, &ok);
            QVERIFY2(diff.isEmpty(),
                     qPrintable(diff + QStringLiteral(" in ") +
                                QString::fromLatin1(frame.toPercentEncoding())));
            accepted += ok ? 1 : 0;
        }
        // (Some edits keep a frame valid: in a title, a note, whitespace.)
        QVERIFY2(accepted > 500, qPrintable(QString::number(accepted)));
    }

    void errorNamesRoundTrip()
    {
        for (int i = 0; i <= int(ErrorCode::OutOfOrder); ++i) {
            const auto code = ErrorCode(i);
            QCOMPARE(errorCodeFromName(errorCodeName(code)), code);
        }
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
