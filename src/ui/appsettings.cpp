#include "appsettings.h"

#include "session.h"

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

} // namespace kinlist::ui
