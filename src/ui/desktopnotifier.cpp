#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QStandardPaths>

namespace kinlist::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kDesktopEntry = QStringLiteral("org.kinlist.Kinlist");
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(kService, kPath, kService, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kService, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

bool DesktopNotifier::hasBus() const
{
    return QDBusConnection::sessionBus().isConnected();
}

QString DesktopNotifier::iconName()
{
    if (!m_icon.isEmpty())
        return m_icon;
    // Installed, the icon theme has it by name; else the app's own copy, as a file the
    // notification service can read.
    if (QIcon::hasThemeIcon(kDesktopEntry)) {
        m_icon = kDesktopEntry;
        return m_icon;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path = QDir(dir).filePath(QStringLiteral("org.kinlist.Kinlist-64.png"));
    if (!QFile::exists(path)) {
        QDir().mkpath(dir);
        QFile::copy(QStringLiteral(":/icons/64/org.kinlist.Kinlist.png"), path);
    }
    m_icon = QFile::exists(path) ? path : kDesktopEntry;
    return m_icon;
}

void DesktopNotifier::show(const QString &key, const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        Q_EMIT failed(key, summary, body);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    const QVariantMap hints {{QStringLiteral("desktop-entry"), kDesktopEntry},
                             {QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)}};
    call << QStringLiteral("Kinlist") << m_ids.value(key, 0u) << iconName() << summary << body
         << QStringList {QStringLiteral("default"), tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key, summary, body](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    m_ids.remove(key);
                    Q_EMIT failed(key, summary, body);
                    return;
                }
                m_ids.insert(key, reply.value());
            });
}

void DesktopNotifier::close(const QString &key)
{
    const uint id = m_ids.take(key);
    if (id == 0)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService,
                                                       QStringLiteral("CloseNotification"));
    call << id;
    QDBusConnection::sessionBus().call(call, QDBus::NoBlock);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action) // "default" (a click) or the "Open" button: both open
    const QString key = m_ids.key(id);
    if (key.isEmpty())
        return;
    // Done with: off the screen (not every server takes it away itself).
    close(key);
    Q_EMIT activated(key);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        m_ids.remove(key);
}

} // namespace kinlist::ui
