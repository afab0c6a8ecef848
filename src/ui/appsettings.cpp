#include "appsettings.h"

#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace kinlist::ui {

AppSettings::AppSettings(Session &session)
    : QObject(&session)
    , m_session(session)
{
    m_language.apply(language());
    m_session.toasts()->setChangesEnabled(notifications());
}

QString AppSettings::theme() const
{
    return m_session.config().value(QStringLiteral("theme"), QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString &theme)
{
    if (theme == this->theme() ||
        !QStringList {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}
             .contains(theme))
        return;
    m_session.config().setValue(QStringLiteral("theme"), theme);
    Q_EMIT themeChanged();
}

QString AppSettings::language() const
{
    return m_session.config().value(QStringLiteral("language")).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    if (code == language() || (!code.isEmpty() && Language::resolve(code) != code))
        return;
    m_session.config().setValue(QStringLiteral("language"), code);
    m_language.apply(code);
    // What C++ has already put into words says it again (each part on languageChanged);
    // QML bindings follow when the engine retranslates.
    Q_EMIT languageChanged();
}

QVariantList AppSettings::languages()
{
    QVariantList all;
    for (const Language::Choice &choice : Language::available())
        all << QVariantMap {{QStringLiteral("code"), choice.code},
                            {QStringLiteral("name"), choice.name}};
    return all;
}

bool AppSettings::notifications() const
{
    return m_session.config().value(QStringLiteral("notifications"), true).toBool();
}

void AppSettings::setNotifications(bool on)
{
    if (on == notifications())
        return;
    m_session.config().setValue(QStringLiteral("notifications"), on);
    m_session.toasts()->setChangesEnabled(on);
    Q_EMIT notificationsChanged();
}

bool AppSettings::closeToTray() const
{
    return !m_session.isKiosk() &&
        m_session.config().value(QStringLiteral("closeToTray"), true).toBool();
}

void AppSettings::setCloseToTray(bool on)
{
    if (on == closeToTray() || m_session.isKiosk())
        return;
    m_session.config().setValue(QStringLiteral("closeToTray"), on);
    Q_EMIT closeToTrayChanged();
}

QString AppSettings::autostartFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/org.kinlist.Kinlist.desktop"));
}

bool AppSettings::startAtLogin() const
{
    return !m_session.isKiosk() && QFile::exists(autostartFile());
}

namespace {
// An argument of a desktop entry's Exec line, quoted as the Desktop Entry Specification
// asks.
QString execArgument(QString arg)
{
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')})
        arg.replace(c, QStringLiteral("\\") + c);
    return QLatin1Char('"') + arg + QLatin1Char('"');
}
} // namespace

void AppSettings::setStartAtLogin(bool on)
{
    if (on == startAtLogin() || m_session.isKiosk())
        return;
    const QString path = autostartFile();
    if (!on) {
        if (!QFile::remove(path))
            m_session.fail(tr("Kinlist could not remove %1.").arg(path));
        Q_EMIT startAtLoginChanged();
        return;
    }
    QString exec =
        execArgument(QCoreApplication::applicationFilePath()) + QStringLiteral(" --minimized");
    if (!m_session.dataArgument().isEmpty())
        exec += QStringLiteral(" --data ") + execArgument(m_session.dataArgument());
    exec.replace(QLatin1Char('\\'),
                 QStringLiteral("\\\\")); // a string value's escapes, after quoting
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Kinlist\n"
                                         "Comment=%1\n"
                                         "Exec=%2\n"
                                         "Icon=org.kinlist.Kinlist\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(tr("Your family's lists, in the tray from login"), exec);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit())
        m_session.fail(tr("Kinlist could not write %1: %2").arg(path, file.errorString()));
    Q_EMIT startAtLoginChanged();
}

} // namespace kinlist::ui
