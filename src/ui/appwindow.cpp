#include "appwindow.h"

#include <QDir>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QScreen>

namespace kinlist::ui {

AppWindow::AppWindow(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_session(client::AuthClient::serverUrl(options.server), options.dataDirectory,
                options.kiosk ? Session::Mode::Kiosk : Session::Mode::Personal)
    , m_settings(options.dataDirectory.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(
                           QDir(options.dataDirectory).filePath(QStringLiteral("kinlist.ini")),
                           QSettings::IniFormat))
{
    // A language chosen in Settings shows at once: every qsTr() binding is evaluated anew.
    connect(m_session.settings(), &AppSettings::languageChanged, &m_engine,
            &QQmlApplicationEngine::retranslate);
    m_alerts = std::make_unique<Alerts>(m_session);
    connect(m_alerts.get(), &Alerts::quitRequested, this, &AppWindow::quitRequested);
}

AppWindow::~AppWindow()
{
    m_alerts.reset();
    // The window's place is kept for the next start.
    QQuickWindow *w = window();
    if (!w || m_options.kiosk)
        return;
    const bool maximized = w->visibility() == QWindow::Maximized;
    m_settings->setValue(QStringLiteral("window/maximized"), maximized);
    if (!maximized)
        m_settings->setValue(QStringLiteral("window/geometry"), w->geometry());
}

QQuickWindow *AppWindow::window() const
{
    return qobject_cast<QQuickWindow *>(m_engine.rootObjects().value(0));
}

bool AppWindow::load()
{
    // The session and each of its areas by name (Session::qmlProperties()).
    QVariantMap properties = m_session.qmlProperties();
    properties.insert(QStringLiteral("dark"), m_options.dark);
    // Started at login with a tray to sit in: no window until asked for.
    m_alerts->setWindow(nullptr); // (sets the tray up)
    const bool inTray = m_options.minimized && m_alerts->keepsRunning();
    properties.insert(QStringLiteral("visible"), !inTray);
    m_engine.setInitialProperties(properties);
    m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kinlist/Main.qml")));
    QQuickWindow *w = window();
    if (!w)
        return false;
    m_alerts->setWindow(w);
    m_session.restore();
    if (m_options.kiosk) {
        // The whole screen, also where no window manager honours "full screen".
        w->setFlag(Qt::FramelessWindowHint);
        if (QScreen *screen = w->screen())
            w->setGeometry(screen->geometry());
        w->showFullScreen();
        return true;
    }
    const QRect geometry = m_settings->value(QStringLiteral("window/geometry")).toRect();
    if (geometry.isValid())
        w->setGeometry(geometry);
    if (inTray)
        return true;
    if (m_options.minimized)
        w->showMinimized();
    else if (m_settings->value(QStringLiteral("window/maximized")).toBool())
        w->showMaximized();
    return true;
}

} // namespace kinlist::ui
