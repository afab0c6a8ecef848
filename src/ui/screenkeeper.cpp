#include "screenkeeper.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcScreen, "kinlist.ui.screen")

namespace kinlist::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kPath = QStringLiteral("/org/freedesktop/ScreenSaver");

QString noService()
{
    return ScreenKeeper::tr("This desktop offers no way for Kinlist to keep the screen on. Turn "
                            "the screen saver and power saving off in its settings.");
}
} // namespace

ScreenKeeper::ScreenKeeper(QObject *parent)
    : QObject(parent)
{ }

ScreenKeeper::~ScreenKeeper()
{
    release();
}

void ScreenKeeper::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        inhibit();
    else
        release();
    Q_EMIT activeChanged();
}

void ScreenKeeper::inhibit()
{
    if (m_cookie != 0 || m_asking)
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        setStatus(noService());
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Inhibit"));
    call << QStringLiteral("Kinlist") << tr("The kitchen kiosk is showing the family's lists");
    m_asking = true;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_asking = false;
        const QDBusPendingReply<quint32> reply = *w;
        if (reply.isError()) {
            qCInfo(lcScreen) << "screen saver inhibit failed:" << reply.error().message();
            setStatus(reply.error().type() == QDBusError::ServiceUnknown
                          ? noService()
                          : tr("The screen saver did not agree to stay off (%1).")
                                .arg(reply.error().message()));
            return;
        }
        m_cookie = reply.value();
        if (!m_active) { // turned off while asking
            release();
            return;
        }
        setStatus(tr("The screen stays on while the kiosk runs."));
    });
}

void ScreenKeeper::release()
{
    if (m_cookie == 0)
        return;
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("UnInhibit"));
    call << m_cookie;
    QDBusConnection::sessionBus().call(call, QDBus::NoBlock);
    m_cookie = 0;
    setStatus({});
}

void ScreenKeeper::setStatus(const QString &status)
{
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace kinlist::ui
