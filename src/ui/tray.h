#pragma once

#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

namespace kinlist::ui {

class ConnectionStatus;

// Kinlist in the system tray (a StatusNotifierItem where the desktop has a host for them,
// else the X11 tray): the app's icon, the connection status and the changes waiting in
// its tooltip, and a menu: Open, Today, Quit. A click on the icon opens the window.
class Tray : public QObject
{
    Q_OBJECT
public:
    explicit Tray(ConnectionStatus &status, QObject *parent = nullptr);

    // Whether the desktop shows tray icons now.
    static bool available() { return QSystemTrayIcon::isSystemTrayAvailable(); }
    void show() { m_icon.show(); }
    void hide() { m_icon.hide(); }
    bool isVisible() const { return m_icon.isVisible(); }
    QString toolTip() const { return m_icon.toolTip(); }
    QMenu *menu() { return &m_menu; }
    // The language changed.
    void retranslate();

Q_SIGNALS:
    void openRequested();
    void todayRequested();
    void quitRequested();

private:
    void updateToolTip();

    ConnectionStatus &m_status;
    QSystemTrayIcon m_icon;
    QMenu m_menu;
    QAction *m_open = nullptr;
    QAction *m_today = nullptr;
    QAction *m_quit = nullptr;
};

} // namespace kinlist::ui
