#include "tray.h"

#include "connectionstatus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QGuiApplication>
#if QT_CONFIG(xcb)
#include <QtGui/qguiapplication_platform.h>
#include <xcb/xcb.h>
#endif

#include <cstdlib>

namespace kinlist::ui {

namespace {

// Whether an X11 system tray runs: the owner of the screen's _NET_SYSTEM_TRAY_S<n>
// selection (the freedesktop System Tray specification).
bool x11TrayPresent()
{
#if QT_CONFIG(xcb)
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return false;
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    xcb_connection_t *c = x11 ? x11->connection() : nullptr;
    if (!c)
        return false;
    int screen = 0;
    char *host = nullptr;
    int display = 0;
    if (xcb_parse_display(nullptr, &host, &display, &screen))
        std::free(host);
    const QByteArray name = "_NET_SYSTEM_TRAY_S" + QByteArray::number(screen);
    xcb_intern_atom_reply_t *atom = xcb_intern_atom_reply(
        c, xcb_intern_atom(c, 1, quint16(name.size()), name.constData()), nullptr);
    const xcb_atom_t selection = atom ? atom->atom : xcb_atom_t(XCB_ATOM_NONE);
    std::free(atom);
    if (selection == XCB_ATOM_NONE)
        return false; // (never named on this display: nobody owns it)
    xcb_get_selection_owner_reply_t *owner =
        xcb_get_selection_owner_reply(c, xcb_get_selection_owner(c, selection), nullptr);
    const bool present = owner && owner->owner != XCB_WINDOW_NONE;
    std::free(owner);
    return present;
#else
    return false;
#endif
}

} // namespace

QString Tray::watcherService()
{
    return QStringLiteral("org.kde.StatusNotifierWatcher");
}

bool Tray::available()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    const bool watcher = bus.isConnected() && bus.interface() &&
        bus.interface()->isServiceRegistered(watcherService()).value();
    return (watcher || x11TrayPresent()) && QSystemTrayIcon::isSystemTrayAvailable();
}

Tray::Tray(ConnectionStatus &status, QObject *parent)
    : QObject(parent)
    , m_status(status)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64})
        icon.addFile(QStringLiteral(":/icons/%1/org.kinlist.Kinlist.png").arg(size),
                     QSize(size, size));
    m_icon.setIcon(icon);
    m_menu.setObjectName(QStringLiteral("trayMenu"));
    m_open = m_menu.addAction(QIcon(), QString(), this, &Tray::openRequested);
    m_today = m_menu.addAction(QIcon(), QString(), this, &Tray::todayRequested);
    m_menu.addSeparator();
    m_quit = m_menu.addAction(QIcon(), QString(), this, &Tray::quitRequested);
    m_open->setObjectName(QStringLiteral("trayOpen"));
    m_today->setObjectName(QStringLiteral("trayToday"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    m_icon.setContextMenu(&m_menu);
    connect(&m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT openRequested();
            });
    connect(&m_status, &ConnectionStatus::changed, this, &Tray::updateToolTip);
    retranslate();
}

void Tray::retranslate()
{
    m_open->setText(tr("Open Kinlist"));
    m_today->setText(tr("Today"));
    m_quit->setText(tr("Quit"));
    updateToolTip();
}

void Tray::updateToolTip()
{
    QString tip = tr("Kinlist: %1").arg(m_status.label());
    const int pending = m_status.pendingCount();
    if (pending > 0)
        tip += QLatin1Char('\n') + tr("%n change(s) waiting to be sent", nullptr, pending);
    if (tip != m_icon.toolTip())
        m_icon.setToolTip(tip);
}

} // namespace kinlist::ui
