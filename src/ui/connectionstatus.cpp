#include "connectionstatus.h"

#include <QDateTime>
#include <QLocale>

namespace kinlist::ui {

using client::SyncClient;

ConnectionStatus::ConnectionStatus(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::changed);
}

void ConnectionStatus::setClient(SyncClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_tick.stop();
    if (client) {
        connect(client, &SyncClient::stateChanged, this, [this] {
            const bool offline = m_client->state() == SyncClient::State::Offline;
            if (offline && !m_tick.isActive())
                m_tick.start();
            else if (!offline)
                m_tick.stop();
            Q_EMIT changed();
        });
        connect(client, &SyncClient::pendingCountChanged, this, &ConnectionStatus::changed);
    }
    Q_EMIT changed();
}

QString ConnectionStatus::state() const
{
    if (!m_client)
        return QStringLiteral("signedout");
    switch (m_client->state()) {
    case SyncClient::State::Live:
        return QStringLiteral("live");
    case SyncClient::State::Syncing:
        return QStringLiteral("syncing");
    case SyncClient::State::Connecting:
    case SyncClient::State::Authenticating:
        return QStringLiteral("connecting");
    case SyncClient::State::Offline:
        return QStringLiteral("offline");
    case SyncClient::State::SignedOut:
        return QStringLiteral("signedout");
    case SyncClient::State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("offline");
}

QString ConnectionStatus::label() const
{
    const QString s = state();
    //: The connection status: connected, changes arrive as they happen.
    if (s == QLatin1String("live"))
        return tr("Live");
    if (s == QLatin1String("syncing"))
        return tr("Syncing");
    if (s == QLatin1String("connecting"))
        return tr("Connecting");
    if (s == QLatin1String("offline"))
        return tr("Offline");
    if (s == QLatin1String("signedout"))
        return tr("Signed out");
    return tr("Error");
}

QString ConnectionStatus::detail() const
{
    QStringList lines;
    const QString s = state();
    if (s == QLatin1String("live"))
        lines << tr("Connected. Changes appear on every device at once.");
    else if (s == QLatin1String("syncing"))
        lines << tr("Connected, catching up.");
    else if (s == QLatin1String("connecting"))
        lines << tr("Connecting to the server.");
    else if (s == QLatin1String("offline"))
        lines << tr("Not connected (%1). Your changes are kept on this device and sent when "
                    "the connection is back.")
                     .arg(m_client ? m_client->lastError() : QString());
    else if (s == QLatin1String("signedout"))
        lines << tr("Signed out. Sign in again to send your changes.");
    else
        lines << (m_client ? m_client->lastError() : QString());
    if (const int n = pendingCount())
        lines << tr("%n change(s) waiting to be sent.", nullptr, n);
    if (m_client && m_client->lastSyncAt() > 0)
        lines << tr("Last sync: %1")
                     .arg(QLocale().toString(
                         QDateTime::fromMSecsSinceEpoch(m_client->lastSyncAt()).time(),
                         QLocale::ShortFormat));
    if (m_client && m_client->nextRetryInMs() >= 0) {
        const int s = int((m_client->nextRetryInMs() + 999) / 1000);
        lines << tr("Next try in %n second(s).", nullptr, s);
    }
    return lines.join(QLatin1Char('\n'));
}

int ConnectionStatus::pendingCount() const
{
    return m_client ? m_client->pendingCount() : 0;
}

bool ConnectionStatus::canRetry() const
{
    return m_client && m_client->state() == SyncClient::State::Offline;
}

void ConnectionStatus::retryNow()
{
    if (m_client)
        m_client->retryNow();
}

} // namespace kinlist::ui
