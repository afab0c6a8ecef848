// The refresh token's home: the real QtKeychain against a real Secret Service (a fresh
// gnome-keyring in its own D-Bus session, see with-keyring.sh), and, where no keychain
// answers, the session-only default and the opt-in private file. Which of the two worlds
// this run is in comes from KINLIST_KEYCHAIN ("present" or "absent"), so a keychain that
// silently fails where it should work fails the test instead of skipping it.
#include "client/account.h"
#include "client/credentials.h"
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kinlist;
using kinlist::client::Account;
using kinlist::client::CredentialStore;
using Where = CredentialStore::Where;

namespace {
struct Loaded
{
    bool done = false;
    std::optional<QString> secret;
    Where where = Where::Nowhere;
};

Loaded load(CredentialStore &store, const QString &key)
{
    Loaded out;
    store.load(key, [&out](std::optional<QString> secret, Where where) {
        out = Loaded {true, secret, where};
    });
    if (!QTest::qWaitFor([&] { return out.done; }, 15000))
        qWarning("the credential store did not answer");
    return out;
}

Where save(CredentialStore &store, const QString &key, const QString &secret)
{
    bool done = false;
    Where where = Where::Nowhere;
    store.save(key, secret, [&](Where w) {
        done = true;
        where = w;
    });
    return QTest::qWaitFor([&] { return done; }, 15000) ? where : Where::Nowhere;
}

bool remove(CredentialStore &store, const QString &key)
{
    bool done = false;
    store.remove(key, [&] { done = true; });
    return QTest::qWaitFor([&] { return done; }, 15000);
}

int mode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}
} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    bool m_keychain = false;

    CredentialStore::Options options(bool allowFile, const QString &sub = QStringLiteral("creds"))
    {
        CredentialStore::Options o;
        o.service = QStringLiteral("Kinlist test");
        o.fileDirectory = m_dir.filePath(sub);
        o.allowFile = allowFile;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray expected = qgetenv("KINLIST_KEYCHAIN");
        QVERIFY2(expected == "present" || expected == "absent",
                 "set KINLIST_KEYCHAIN to present or absent");
        m_keychain = expected == "present";
    }

    void savesWhereItCanAndReadsBack()
    {
        const QString key =
            CredentialStore::accountKey(QUrl(QStringLiteral("ws://127.0.0.1:7700")), createUuid());
        CredentialStore store(options(false));
        const Where where = save(store, key, QStringLiteral("first-token"));
        QVERIFY(!store.status().isEmpty());
        // A later process (a fresh store) finds it only where it outlives the process.
        CredentialStore later(options(false));
        const Loaded again = load(later, key);
        QVERIFY(again.done);
        if (m_keychain) {
            QCOMPARE(where, Where::Keychain);
            QCOMPARE(again.secret.value_or(QString()), QStringLiteral("first-token"));
            QCOMPARE(again.where, Where::Keychain);
            // A rotated token replaces the old one.
            QCOMPARE(save(later, key, QStringLiteral("second-token")), Where::Keychain);
            QCOMPARE(load(store, key).secret.value_or(QString()), QStringLiteral("second-token"));
            QVERIFY(remove(store, key));
            QVERIFY(!load(later, key).secret);
        } else {
            // No keychain: kept for this session only, and the user is told so.
            QCOMPARE(where, Where::Session);
            QVERIFY2(store.status().contains(QStringLiteral("No keychain")),
                     qPrintable(store.status()));
            QCOMPARE(load(store, key).secret.value_or(QString()), QStringLiteral("first-token"));
            QCOMPARE(load(store, key).where, Where::Session);
            QVERIFY(!again.secret);
            QVERIFY(remove(store, key));
            QVERIFY(!load(store, key).secret);
        }
        // Never a file unless the user asked for one.
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("creds"))) ||
                QDir(m_dir.filePath(QStringLiteral("creds")))
                    .entryList(QDir::Files | QDir::Hidden)
                    .isEmpty());
    }

    void fileFallbackOnlyWhenChosenAndPrivate()
    {
        const QString key =
            CredentialStore::accountKey(QUrl(QStringLiteral("wss://kin.example")), createUuid());
        CredentialStore store(options(true, QStringLiteral("optin")));
        const Where where = save(store, key, QStringLiteral("file-token"));
        const QDir dir(m_dir.filePath(QStringLiteral("optin")));
        if (m_keychain) {
            // The keychain is there, so the file is not used even when allowed.
            QCOMPARE(where, Where::Keychain);
            QVERIFY(!dir.exists() || dir.entryList(QDir::Files).isEmpty());
            QVERIFY(remove(store, key));
            return;
        }
        QCOMPARE(where, Where::File);
        const QStringList files = dir.entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(mode(dir.filePath(files.first())), 0600);
        QCOMPARE(mode(dir.absolutePath()), 0700);
        // The token is not in the file name.
        QVERIFY(!files.first().contains(key));
        CredentialStore later(options(true, QStringLiteral("optin")));
        const Loaded loaded = load(later, key);
        QCOMPARE(loaded.secret.value_or(QString()), QStringLiteral("file-token"));
        QCOMPARE(loaded.where, Where::File);
        // Turned off again: the file is not read.
        CredentialStore off(options(false, QStringLiteral("optin")));
        QVERIFY(!load(off, key).secret);
        QVERIFY(remove(later, key));
        QVERIFY(dir.entryList(QDir::Files).isEmpty());
    }

    void accountKeepsTheRotatedTokenAcrossRestarts()
    {
        TestServer server;
        QVERIFY(server.start());
        Family f;
        QVERIFY(Family::create(this, server.url(), {QStringLiteral("Rosa")}, &f,
                               QStringLiteral("-creds")));
        const QString data = m_dir.filePath(QStringLiteral("appdata"));
        // Where there is no keychain, this device chose the private file.
        CredentialStore credentials(options(!m_keychain, QStringLiteral("account")));
        const QString list = createUuid();
        {
            Account account(server.url(), f.people[0]->userId, &credentials, data);
            Error e;
            QVERIFY(account.open(&e));
            QCOMPARE(account.store()->databasePath(),
                     Account::databasePath(data, server.url(), f.people[0]->userId));
            QVERIFY(account.store()->databasePath().startsWith(
                data + QStringLiteral("/accounts/127.0.0.1-")));
            QSignalSpy renewed(account.sync(), &kinlist::client::SyncClient::sessionRenewed);
            account.signIn(QString(), f.people[0]->refreshToken); // no access token: refreshes
            QVERIFY(renewed.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(account.sync()->state(),
                                      kinlist::client::SyncClient::State::Live, 10000);
            // The first token is used up; what is kept is the rotated one.
            QTRY_COMPARE_WITH_TIMEOUT(load(credentials, account.key()).secret.value_or(QString()),
                                      renewed.last().at(0).toString(), 10000);
            account.sync()->stop();
        }
        Error e;
        {
            // The app starts again: it signs in by itself with what was kept.
            Account again(server.url(), f.people[0]->userId, &credentials, data);
            QVERIFY(again.open(&e));
            QSignalSpy needs(&again, &Account::needsSignIn);
            again.resume();
            QTRY_COMPARE_WITH_TIMEOUT(again.sync()->state(),
                                      kinlist::client::SyncClient::State::Live, 10000);
            QCOMPARE(needs.size(), 0);
            // Meanwhile a second app for the same account is turned away.
            Account twin(server.url(), f.people[0]->userId, &credentials, data);
            QVERIFY(!twin.open(&e));
            QCOMPARE(e.code, ErrorCode::Conflict);
            // Signing out forgets the token: the next start asks to sign in.
            again.forget();
        }
        Account third(server.url(), f.people[0]->userId, &credentials, data);
        QVERIFY(third.open(&e));
        QSignalSpy needsThird(&third, &Account::needsSignIn);
        third.resume();
        QVERIFY(needsThird.wait(10000));
    }
};

// Qt's default event dispatcher, which is GLib's on Linux: QtKeychain's libsecret backend
// answers through the GLib main loop (the epoll dispatcher of the server tests has none).
QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
