#pragma once

#include "alerts.h"
#include "session.h"

#include <QObject>
#include <QQmlApplicationEngine>
#include <QSettings>

#include <memory>

class QQuickWindow;

namespace kinlist::ui {

// The app's window as it starts: the session for a server and data directory, Main.qml
// loaded over it, the last account restored, the window where and as large as it was (a
// kiosk: the whole screen). kinlist's main() and the journey tests start the app through
// this one class, so the tests work the window a family gets.
class AppWindow : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString server = QStringLiteral("127.0.0.1:8477"); // offered on first run
        QString dataDirectory; // empty: the platform's locations
        bool dark = false;
        bool kiosk = false;
        // Started at login: in the tray, the window closed (minimized where there is no
        // tray).
        bool minimized = false;
    };

    explicit AppWindow(const Options &options, QObject *parent = nullptr);
    ~AppWindow() override;

    // Loads the window and restores the last account; false when the QML failed to load.
    bool load();

    Session *session() { return &m_session; }
    QQuickWindow *window() const;
    QQmlApplicationEngine *engine() { return &m_engine; }
    Alerts *alerts() { return m_alerts.get(); }

Q_SIGNALS:
    // The person quit from the tray, or closed the window with no tray to keep Kinlist in.
    void quitRequested();

private:
    Options m_options;
    Session m_session;
    QQmlApplicationEngine m_engine;
    std::unique_ptr<QSettings> m_settings; // the window's place
    // Last: it lets go of the window before the engine takes it down.
    std::unique_ptr<Alerts> m_alerts;
};

} // namespace kinlist::ui
