#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace kinlist::client {

// Keeps an account's refresh token: in the OS keychain (QtKeychain: Secret Service,
// Windows Credential Store, macOS Keychain), per server and account, and never in a plain
// file unless the user turned that on. Where no keychain service answers, the token is
// kept for this session only and status() says so in words a user understands.
//
// Keychain jobs get an app-level deadline: a locked keyring under a headless session can
// leave a job waiting on a prompt forever.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Where { Keychain, File, Session, Nowhere };
    Q_ENUM(Where)

    struct Options
    {
        QString service = QStringLiteral("Kinlist");
        // Where the opt-in file fallback writes (mode 0600, in a 0700 directory).
        QString fileDirectory;
        bool allowFile = false;
        int timeoutMs = 5000;
    };

    explicit CredentialStore(Options options, QObject *parent = nullptr);

    // The key of one account on one server.
    static QString accountKey(const QUrl &server, const QString &userId);

    void setAllowFile(bool on) { m_options.allowFile = on; }
    bool allowFile() const { return m_options.allowFile; }

    // Each calls `done` exactly once, later, on this object's thread.
    void save(const QString &key, const QString &secret,
              std::function<void(Where where)> done = {});
    void load(const QString &key,
              std::function<void(std::optional<QString> secret, Where where)> done);
    void remove(const QString &key, std::function<void()> done = {});
    // Whether a keychain service answers here (a read of a key that need not exist).
    void probe(std::function<void(bool available)> done);

    // Where the last save went, and a sentence for the settings page about it (in the
    // language of the moment).
    Where where() const { return m_where; }
    QString status() const;

Q_SIGNALS:
    void statusChanged();

private:
    enum class Op { Read, Write, Delete };
    struct Result
    {
        bool ok = false;
        bool notFound = false;
        QString secret;
        QString error;
    };
    void runJob(Op op, const QString &key, const QString &secret,
                std::function<void(const Result &)> done);
    QString filePath(const QString &key) const;
    bool writeFile(const QString &key, const QString &secret, QString *error) const;
    std::optional<QString> readFile(const QString &key) const;
    // `fileFailed`: kept for the session only because the chosen file could not be written.
    void setWhere(Where where, bool fileFailed = false);

    Options m_options;
    QHash<QString, QString> m_session;
    QHash<QString, quint64> m_generation; // per key: the latest save or remove wins
    Where m_where = Where::Nowhere;
    bool m_fileFailed = false;
};

} // namespace kinlist::client
