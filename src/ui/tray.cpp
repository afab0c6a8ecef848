#include "tray.h"

#include "connectionstatus.h"

#include <QGuiApplication>

namespace kinlist::ui {

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
