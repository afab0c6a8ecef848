// The codec's strict validation: each kind of bad frame gets its stable error code.
#include "core/protocol.h"
#include "core/uuid.h"

#include <QJsonDocument>
#include <QTest>

using namespace kinlist;

// JSON written with single quotes, for readability in the test data.
static QByteArray j(const char *s)
{
    return QByteArray(s).replace('\'', '"');
}

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
