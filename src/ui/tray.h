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

    // Whether the desktop shows tray icons now. Qt decides once per process whether to use
    // a StatusNotifierItem host, the first time it is asked; asked before the panel has
    // started (Kinlist started at login), it would never use one. So Qt is asked only once
    // there is a host: the StatusNotifierWatcher on the session bus, or an X11 tray.
    static bool available();
    // The D-Bus name of the StatusNotifierWatcher, for watching it come.
    static QString watcherService();
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
