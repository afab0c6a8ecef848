// kinlist: the desktop app. A QML front end (module Kinlist) over the session and models
// of src/ui, kept in sync with kinlist-server by the sync client.
#include "ui/appwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QIcon>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstring>

Q_IMPORT_QML_PLUGIN(KinlistPlugin)

int main(int argc, char *argv[])
{
    // --version and --help work without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("kinlist %s\n", KINLIST_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::printf("Usage: kinlist [--server ADDRESS] [--data DIR] [--dark] [--kiosk] "
                        "[--minimized]\n\n"
                        "Kinlist keeps a family's shared lists in sync, live.\n\n"
                        "  --server ADDRESS  server to offer on first run (default "
                        "127.0.0.1:8477)\n"
                        "  --data DIR        keep this device's data in DIR\n"
                        "  --dark            dark theme\n"
                        "  --kiosk           kitchen tablet: full screen, paired by a code, left\n"
                        "                    only with its PIN\n"
                        "  --minimized       start in the system tray (as at login)\n"
                        "  --version         print the version\n");
            return 0;
        }
    }
    // Kiosk mode types with Qt's on-screen keyboard; the input method is chosen before
    // the application exists. (--data is looked up by hand for the same reason.)
    bool kioskFlag = false;
    QString dataArg;
    for (int i = 1; i < argc; ++i) {
        kioskFlag = kioskFlag || std::strcmp(argv[i], "--kiosk") == 0;
        if (std::strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            dataArg = QString::fromLocal8Bit(argv[i + 1]);
        else if (std::strncmp(argv[i], "--data=", 7) == 0)
            dataArg = QString::fromLocal8Bit(argv[i] + 7);
    }
    QCoreApplication::setOrganizationDomain(QStringLiteral("kinlist.org"));
    QCoreApplication::setApplicationName(QStringLiteral("kinlist"));
    const bool kiosk = kioskFlag || kinlist::ui::Session::kioskAtStart(dataArg);
    if (kiosk && qEnvironmentVariableIsEmpty("QT_IM_MODULE")) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
        // The keyboard is the window's own panel (Main.qml), never a window of its own.
        qputenv("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1");
    }

    // QApplication: the tray icon and its menu are widgets.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Kinlist"));
    // The desktop entry's name, so docks and Wayland match the window to its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.kinlist.Kinlist"));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1/org.kinlist.Kinlist.png").arg(size),
                     QSize(size, size));
    QGuiApplication::setWindowIcon(icon);
    QGuiApplication::setApplicationVersion(QStringLiteral(KINLIST_VERSION));

    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server address."),
                                    QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1:8477"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data directory."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Dark theme."));
    // For documentation and visual checks: save the window to a PNG after a while, and quit.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window to FILE and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption after(QStringLiteral("after"),
                                   QStringLiteral("Milliseconds before the screenshot."),
                                   QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption kioskOption(QStringLiteral("kiosk"),
                                         QStringLiteral("Kitchen tablet mode."));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QStringLiteral("Start in the system tray."));
    parser.addOptions({server, data, dark, kioskOption, minimized, screenshot, after});
    parser.process(app);

    // One Kinlist per data directory: started again (from the menu while it sits in the
    // tray), it brings the running one's window to the front instead.
    const QString instance =
        QStringLiteral("kinlist-%1-%2")
            .arg(QString::fromLatin1(qgetenv("USER")),
                 QString::fromLatin1(
                     QCryptographicHash::hash(QDir(dataArg.isEmpty() ? QDir::homePath() : dataArg)
                                                  .absolutePath()
                                                  .toUtf8(),
                                              QCryptographicHash::Sha256)
                         .toHex()
                         .left(16)));
    if (!kiosk && !parser.isSet(screenshot)) {
        QLocalSocket running;
        running.connectToServer(instance);
        if (running.waitForConnected(1000)) {
            running.write(parser.isSet(minimized) ? "stay\n" : "show\n");
            running.waitForBytesWritten(1000);
            return 0;
        }
    }

    QQuickStyle::setStyle(QStringLiteral("Material"));
    kinlist::ui::AppWindow::Options options;
    options.server = parser.value(server);
    options.dataDirectory = parser.value(data);
    options.dark = parser.isSet(dark);
    options.kiosk = kiosk;
    options.minimized = parser.isSet(minimized);
    kinlist::ui::AppWindow appWindow(options);
    QObject::connect(&appWindow, &kinlist::ui::AppWindow::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    QLocalServer instances;
    if (!kiosk) {
        QLocalServer::removeServer(instance); // left behind by a crash
        instances.setSocketOptions(QLocalServer::UserAccessOption);
        instances.listen(instance);
        QObject::connect(&instances, &QLocalServer::newConnection, &app, [&] {
            while (QLocalSocket *other = instances.nextPendingConnection()) {
                QObject::connect(other, &QLocalSocket::readyRead, other, [&, other] {
                    if (other->readLine().trimmed() == "show")
                        appWindow.alerts()->showWindow();
                    other->disconnectFromServer();
                });
                QObject::connect(other, &QLocalSocket::disconnected, other, &QObject::deleteLater);
            }
        });
    }
    kinlist::ui::Kiosk &kioskMode = *appWindow.session()->kiosk();
    // Leaving kiosk mode (with the PIN) ends the app; one started as a kiosk by the
    // setting comes back as the family's app. Choosing kiosk mode in settings restarts.
    // (exit, not quit: a kiosk window refuses to close.)
    const auto restart = [] {
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                QCoreApplication::arguments().mid(1));
        QCoreApplication::exit(0);
    };
    QObject::connect(&kioskMode, &kinlist::ui::Kiosk::leaveRequested, &app, [&] {
        if (kioskFlag)
            QCoreApplication::exit(0);
        else
            restart();
    });
    QObject::connect(&kioskMode, &kinlist::ui::Kiosk::useAsKioskRequested, &app, restart);
    if (!appWindow.load())
        return 1;
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(parser.value(after).toInt(), &app, [&] {
            QQuickWindow *window = appWindow.window();
            const bool saved = window && window->grabWindow().save(parser.value(screenshot));
            std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save",
                         qPrintable(parser.value(screenshot)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
