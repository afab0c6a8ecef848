#include "authclient.h"

#include "core/protocol.h"
#include "core/uuid.h"

#include <QJsonDocument>

#include <utility>

namespace kinlist::client {

namespace {
// What the server's codes mean to someone signing in.
QString sentenceFor(const QString &code, const QString &serverMessage)
{
    if (code == QLatin1String("auth_failed"))
        return AuthClient::tr("That email address and password do not match an account.");
    if (code == QLatin1String("conflict"))
        return AuthClient::tr("There is already an account with this email address. Sign in "
                              "instead.");
    if (code == QLatin1String("invite_invalid"))
        return AuthClient::tr("That pairing code is not valid. It may have expired or been used "
                              "already; make a new one in Settings on a family computer.");
    if (code == QLatin1String("rate_limited"))
        return AuthClient::tr("Too many attempts. Wait a minute and try again.");
    if (code == QLatin1String("version_unsupported"))
        return AuthClient::tr("This server needs a newer Kinlist. Please update the app.");
    if (code == QLatin1String("bad_value") || code == QLatin1String("too_long") ||
        code == QLatin1String("missing_field"))
        return AuthClient::tr("Please check what you typed: %1").arg(serverMessage);
    return AuthClient::tr("The server could not sign you in (%1).").arg(serverMessage);
}
} // namespace

AuthClient::AuthClient(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(tr("The server at %1 did not answer. Check the address and that it is running.")
                   .arg(m_server.toDisplayString()));
    });
    connect(&m_ws, &QWebSocket::connected, this, [this] {
        m_ws.sendTextMessage(QString::fromUtf8(
            Protocol::encode({{QStringLiteral("type"), QStringLiteral("hello")},
                              {QStringLiteral("id"), 1},
                              {QStringLiteral("protocol"), m_protocol},
                              // A connection of its own: the device's client id is made with the
                              // account's database, once the account is known.
                              {QStringLiteral("clientId"), createUuid()},
                              {QStringLiteral("app"), QStringLiteral("Kinlist")}})));
    });
    connect(&m_ws, &QWebSocket::disconnected, this, [this] {
        if (m_busy && std::exchange(m_again, false)) {
            m_ws.open(m_server);
            return;
        }
        if (m_busy)
            finish(tr("Cannot reach the server at %1. Check the address and your network.")
                       .arg(m_server.toDisplayString()));
    });
    connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const Protocol::Decoded d = Protocol::decodeServerFrame(text.toUtf8());
        if (d.error || !m_busy)
            return;
        const QJsonObject &f = d.message;
        const bool ok = d.type == QLatin1String("reply");
        if (d.id == 1) {
            const QString code = f.value(QStringLiteral("code")).toString();
            if (code == QLatin1String("version_unsupported") &&
                m_protocol > Protocol::kMinVersion) {
                --m_protocol; // a server not updated yet: again, in the version before
                m_again = true;
                m_ws.close();
                return;
            }
            if (!ok) {
                finish(sentenceFor(f.value(QStringLiteral("code")).toString(),
                                   f.value(QStringLiteral("message")).toString()));
                return;
            }
            QJsonObject request = m_fields;
            request.insert(QStringLiteral("type"), m_type);
            request.insert(QStringLiteral("id"), 2);
            m_ws.sendTextMessage(QString::fromUtf8(Protocol::encode(request)));
        } else if (d.id == 2) {
            if (ok)
                finish({}, f.value(QStringLiteral("result")).toObject());
            else
                finish(sentenceFor(f.value(QStringLiteral("code")).toString(),
                                   f.value(QStringLiteral("message")).toString()));
        }
    });
}

QUrl AuthClient::serverUrl(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("ws://"));
    QUrl url(text, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return {};
    if (url.port() == -1 && url.scheme() == QLatin1String("ws"))
        url.setPort(8477); // kinlist-server's default
    return url;
}

void AuthClient::signIn(const QUrl &server, const QString &email, const QString &password)
{
    start(server, QStringLiteral("login"),
          {{QStringLiteral("email"), email.trimmed()}, {QStringLiteral("password"), password}});
}

void AuthClient::createAccount(const QUrl &server, const QString &displayName, const QString &email,
                               const QString &password)
{
    start(server, QStringLiteral("register"),
          {{QStringLiteral("displayName"), displayName.trimmed()},
           {QStringLiteral("email"), email.trimmed()},
           {QStringLiteral("password"), password}});
}

void AuthClient::pairKiosk(const QUrl &server, const QString &code, const QString &name)
{
    start(server, QStringLiteral("kiosk.pair"),
          {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
}

void AuthClient::start(const QUrl &server, const QString &type, const QJsonObject &fields)
{
    if (m_busy)
        return;
    m_busy = true;
    m_server = server;
    m_protocol = Protocol::kVersion;
    m_again = false;
    m_type = type;
    m_fields = fields;
    if (!server.isValid()) {
        QTimer::singleShot(0, this, [this] {
            finish(tr("That does not look like a server address (for example "
                      "kitchen-pc:8477)."));
        });
        return;
    }
    m_deadline.start(15000);
    m_ws.open(server);
}

void AuthClient::finish(const QString &error, const QJsonObject &session)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_deadline.stop();
    m_fields = {}; // the password goes as soon as it is not needed
    m_ws.abort();
    if (error.isEmpty())
        Q_EMIT succeeded(m_server, session);
    else
        Q_EMIT failed(error);
}

} // namespace kinlist::client
