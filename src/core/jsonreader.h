#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace kinlist {

// The largest integer a JSON number holds exactly everywhere (2^53 - 1): the protocol's
// integers stay at or below it.
constexpr qint64 kMaxSafeInt = 9007199254740991LL;

// A pull reader for the plain subset of JSON that clients write: the server's fast path for
// mutate frames (Protocol::decodeMutate). It builds no QJsonDocument: keys are compared as
// bytes and only the values kept are converted.
//
// Every call either reads what it is asked for and returns true, or returns false and the
// caller gives up on the frame, which then goes through QJsonDocument and the strict checks
// that say what is wrong. So false means "not in the subset", never "invalid": the subset
// leaves out whatever the general path might read differently (see string() and integer()).
class JsonReader
{
public:
    explicit JsonReader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    { }

    // Skips whitespace, then consumes `c` if it is next.
    bool consume(char c);
    // Only whitespace is left.
    bool atEnd();
    // An object key and its colon. Keys with escapes are left out.
    bool key(QByteArrayView *key);
    // A string. Left out: unescaped control characters, unknown escapes, \u0000, lone
    // surrogates (written as \u escapes or in UTF-8), noncharacters written in UTF-8, and
    // malformed or overlong UTF-8. (Qt reads the first ones and refuses the last.)
    bool string(QString *out);
    // A whole number from 0 to 2^53 - 1 written as digits, without a leading zero, fraction,
    // exponent or sign.
    bool integer(qint64 *out);
    // A string that is a well-formed id (uuid.h).
    bool uuid(QString *out);
    // A string, true, false, null or an integer(), as QJsonDocument would read it.
    bool scalar(QJsonValue *out);
    // An object of scalar() values, no key twice.
    bool flatObject(QJsonObject *out);
    // An object, empty or not: `member(key)` reads the value after each key, or returns
    // false to give up.
    template<typename Member> bool object(Member &&member)
    {
        if (!consume('{'))
            return false;
        if (consume('}'))
            return true;
        do {
            QByteArrayView k;
            if (!key(&k) || !member(k))
                return false;
        } while (consume(','));
        return consume('}');
    }

    // The keys of an object read so far, one bit each: first(key) is true the first time.
    struct Seen
    {
        int keys = 0;
        bool first(int key)
        {
            const bool was = keys & key;
            keys |= key;
            return !was;
        }
    };

private:
    void skipWhitespace();
    bool appendUtf8(QString *out);

    const char *m_p;
    const char *m_end;
};

} // namespace kinlist
