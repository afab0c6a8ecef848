#pragma once

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
    };

    explicit AppWindow(const Options &options, QObject *parent = nullptr);
    ~AppWindow() override;

    // Loads the window and restores the last account; false when the QML failed to load.
    bool load();

    Session *session() { return &m_session; }
    QQuickWindow *window() const;
    QQmlApplicationEngine *engine() { return &m_engine; }

private:
    Options m_options;
    Session m_session;
    QQmlApplicationEngine m_engine;
    std::unique_ptr<QSettings> m_settings; // the window's place
};

} // namespace kinlist::ui
