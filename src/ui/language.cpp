#include "language.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace kinlist::ui {

QList<Language::Choice> Language::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QString Language::clockTime(const QTime &time)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[:.]ss")));
    return QLocale().toString(time, format);
}

QString Language::resolve(const QString &code)
{
    // The system's first UI language Kinlist speaks ("de-AT" is German), else English.
    const QStringList wanted =
        code.isEmpty() ? QLocale::system().uiLanguages() : QStringList {code};
    for (const QString &tag : wanted) {
        const QString language = tag.section(QLatin1Char('-'), 0, 0).toLower();
        for (const Choice &choice : available()) {
            if (choice.code == language)
                return choice.code;
        }
    }
    return QStringLiteral("en");
}

Language::~Language()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_previousLocale)
        QLocale::setDefault(*m_previousLocale);
}

bool Language::apply(const QString &code)
{
    const QString language = resolve(code);
    auto translator = std::make_unique<QTranslator>();
    const bool loaded = translator->load(QStringLiteral(":/i18n/kinlist_%1.qm").arg(language));
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
    if (loaded) {
        m_translator = std::move(translator);
        QCoreApplication::installTranslator(m_translator.get());
    }
    m_current = loaded ? language : QStringLiteral("en");
    if (!m_previousLocale)
        m_previousLocale = QLocale();
    // The system's own locale when it speaks this language (its region's date order and
    // decimal comma); the language's main one otherwise.
    const QLocale system = QLocale::system();
    QLocale::setDefault(
        QLocale::languageToCode(system.language()) == m_current ? system : QLocale(m_current));
    return loaded;
}

} // namespace kinlist::ui
