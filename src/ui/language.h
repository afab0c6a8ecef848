#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <QTime>
#include <QTranslator>

#include <memory>
#include <optional>

namespace kinlist::ui {

// The app's language: German, Spanish, French or English, from the system's locale or
// chosen in Settings. Applying one installs Kinlist's translation on the application
// (English too: it holds the English plural forms) and makes its locale the default, so
// dates, times and numbers follow it. (Both are the process's: an app has one; where tests
// make several, the last applied speaks, and each gives back what it found when it goes.)
class Language
{
public:
    struct Choice
    {
        QString code; // "de"
        QString name; // in its own language: "Deutsch"
    };
    // The languages Kinlist speaks, English first.
    static QList<Choice> available();
    // The language a code stands for: one of available(), the system's when `code` is
    // empty, and English for any other.
    static QString resolve(const QString &code);
    // A time of day as the default locale writes a clock: hours and minutes, no seconds
    // (the C locale's short format has them).
    static QString clockTime(const QTime &time);

    Language() = default;
    ~Language();
    Language(const Language &) = delete;
    Language &operator=(const Language &) = delete;

    // Switches to `code` (empty: the system's language). False when its translation
    // could not be loaded; the app then speaks English.
    bool apply(const QString &code);
    // The language in use: "en", "de", "es" or "fr".
    QString current() const { return m_current; }

private:
    std::unique_ptr<QTranslator> m_translator;
    QString m_current;
    // The default locale before the first apply(), given back when this language goes.
    std::optional<QLocale> m_previousLocale;
};

} // namespace kinlist::ui
