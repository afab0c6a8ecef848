#include "session.h"

#include <QDir>
#include <QStandardPaths>

namespace kinlist::ui {

using client::SyncClient;

namespace {
client::CredentialStore::Options credentialOptions(const QString &dataDirectory, bool allowFile)
{
    client::CredentialStore::Options o;
    o.fileDirectory = QDir(dataDirectory).filePath(QStringLiteral("credentials"));
    o.allowFile = allowFile;
    return o;
}

QString appData(const QString &dataDirectory)
{
    return dataDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : dataDirectory;
}
} // namespace

std::unique_ptr<QSettings> Session::openSettings(const QString &dataDirectory)
{
    if (dataDirectory.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(QDir(dataDirectory).filePath(QStringLiteral("kinlist.ini")),
                                       QSettings::IniFormat);
}

bool Session::kioskAtStart(const QString &dataDirectory)
{
    return openSettings(dataDirectory)->value(QStringLiteral("kioskAtStart"), false).toBool();
}

Session::Session(QUrl defaultServer, QString dataDirectory, Mode mode, QObject *parent)
    : QObject(parent)
    , m_defaultServer(std::move(defaultServer))
    , m_dataDirectory(appData(dataDirectory))
    , m_dataArgument(dataDirectory)
    , m_mode(mode)
    , m_config(openSettings(dataDirectory))
    , m_credentials(credentialOptions(
          m_dataDirectory, m_config->value(QStringLiteral("rememberInFile"), false).toBool()))
{
    connect(&m_settings, &AppSettings::languageChanged, this, [this] {
        m_toasts.retranslate();
        m_status.retranslate();
        m_households.today()->retranslate();
        m_households.chart()->retranslate();
    });
}

Session::~Session()
{
    m_status.setClient(nullptr);
    m_toasts.setClient(nullptr);
    m_reminders.setClient(nullptr);
}

QVariantMap Session::qmlProperties()
{
    return {{QStringLiteral("session"), QVariant::fromValue(this)},
            {QStringLiteral("account"), QVariant::fromValue(&m_user)},
            {QStringLiteral("households"), QVariant::fromValue(&m_households)},
            {QStringLiteral("editor"), QVariant::fromValue(&m_editor)},
            {QStringLiteral("settings"), QVariant::fromValue(&m_settings)},
            {QStringLiteral("kiosk"), QVariant::fromValue(&m_kiosk)}};
}

void Session::restore()
{
    m_user.restore();
}

QString Session::key(const QString &name) const
{
    return isKiosk() ? QStringLiteral("kiosk/") + name : name;
}

bool Session::openAccount(const QUrl &server, const QString &userId)
{
    auto account =
        std::make_unique<client::Account>(server, userId, &m_credentials, m_dataDirectory);
    Error e;
    if (!account->open(&e)) {
        fail(e.code == ErrorCode::Conflict
                 ? tr("Kinlist is already open for this account on this computer. Use that "
                      "window, or close it first.")
                 : tr("Kinlist cannot open its data on this computer: %1").arg(e.message));
        return false;
    }
    m_account = std::move(account);
    SyncClient *sync = m_account->sync();
    connect(sync, &SyncClient::changeRejected, this,
            [this](const Op &, const QString &code, const QString &) {
                fail(code == QLatin1String("forbidden")
                         ? tr("A change was refused: you are no longer a member of that "
                              "household.")
                         : code == QLatin1String("not_found")
                         ? tr("A change was refused: the item or list no longer exists.")
                         : tr("A change could not be saved (%1).").arg(code));
            });
    m_status.setClient(sync);
    m_toasts.setClient(sync);
    m_reminders.setEveryone(isKiosk()); // the family's screen: everyone's tasks
    m_reminders.setClient(sync);
    Q_EMIT accountOpened();
    Q_EMIT signedInChanged();
    return true;
}

void Session::closeAccount()
{
    if (!m_account)
        return;
    Q_EMIT accountClosing();
    m_status.setClient(nullptr);
    m_toasts.setClient(nullptr);
    m_reminders.setClient(nullptr);
    m_account->forget();
    m_account.reset();
    Q_EMIT signedInChanged();
}

bool Session::apply(Op op)
{
    if (!m_account)
        return false;
    if (isKiosk() && !m_kiosk.actingFor().isEmpty())
        op.actAs = m_kiosk.actingFor();
    Error e;
    if (m_account->sync()->apply(std::move(op), &e))
        return true;
    fail(tr("Kinlist could not save this change on this computer: %1").arg(e.message));
    return false;
}

void Session::fail(const QString &message)
{
    m_error = message;
    if (m_account)
        m_toasts.showError(message); // the main window shows errors as toasts
    Q_EMIT errorChanged();
}

void Session::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    Q_EMIT errorChanged();
}

void Session::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

} // namespace kinlist::ui
