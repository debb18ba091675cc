#include "core/smsreply.h"

#include <QList>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace vox::sms {

namespace {

QStringList wordsOf(QStringView text)
{
    QStringList words;
    QString word;
    for (const QChar ch : text) {
        // An apostrophe joins ("I'll"); anything else that is not a letter or digit separates.
        if (ch.isLetterOrNumber() || ch == u'\'' || ch == u'\u2019') {
            if (ch.isLetterOrNumber())
                word += ch.toLower();
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

bool isOneOf(const QString &word, std::initializer_list<QStringView> list)
{
    return std::any_of(list.begin(), list.end(), [&](QStringView k) { return word == k; });
}

// A long keyword, allowing for small slips: one for keywords of up to seven letters, two beyond.
// The first letter must be right, so that another word ("schedule") is not taken for one.
bool resembles(const QString &word, std::initializer_list<QStringView> keywords)
{
    return std::any_of(keywords.begin(), keywords.end(), [&](QStringView k) {
        const int allowed = k.size() >= 8 ? 2 : 1;
        return word.size() >= 4 && word.front() == k.front() && editDistance(word, k) <= allowed;
    });
}

bool isConfirmWord(const QString &w)
{
    return resembles(w, {u"confirm", u"confirmed", u"confirming"});
}
bool isCancelWord(const QString &w)
{
    return resembles(w, {u"cancel", u"cancelled", u"canceled", u"cancelling"});
}
bool isRescheduleWord(const QString &w)
{
    return resembles(w, {u"reschedule", u"rescheduled", u"rescheduling"});
}

// The answer a first word gives.
std::optional<ReplyKind> answerOfFirstWord(const QString &w)
{
    if (isOneOf(w, {u"yes", u"yeah", u"yep", u"yup", u"yea", u"yess"}) || isConfirmWord(w))
        return ReplyKind::Confirm;
    if (w == u"no" || w == u"nope" || isCancelWord(w))
        return ReplyKind::Cancel;
    if (isRescheduleWord(w))
        return ReplyKind::Reschedule;
    return std::nullopt;
}

// The answer a word elsewhere gives: only the long, unambiguous keywords.
std::optional<ReplyKind> answerOfWord(const QString &w)
{
    if (isConfirmWord(w))
        return ReplyKind::Confirm;
    if (isCancelWord(w))
        return ReplyKind::Cancel;
    if (isRescheduleWord(w))
        return ReplyKind::Reschedule;
    return std::nullopt;
}

} // namespace

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                                 d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = best;
        }
    }
    return d[size_t(n)][size_t(m)];
}

ReplyKind interpretReply(QStringView text, bool appointmentWaiting)
{
    const QStringList words = wordsOf(text);
    if (words.isEmpty())
        return ReplyKind::FreeText;
    const QString &first = words.first();
    const bool alone = words.size() == 1;

    if (alone && isOneOf(first, {u"stop", u"stopall", u"unsubscribe", u"end", u"quit"}))
        return ReplyKind::OptOut;
    if (isOneOf(first, {u"stop", u"stopall", u"unsubscribe"}))
        return ReplyKind::OptOut;
    if (alone && isOneOf(first, {u"start", u"unstop"}))
        return ReplyKind::OptIn;
    if (alone && first == u"help")
        return ReplyKind::Help;
    if (alone && first == u"cancel" && !appointmentWaiting)
        return ReplyKind::OptOut;

    if (alone && first.size() == 1) {
        if (first == u"c" || first == u"y")
            return ReplyKind::Confirm;
        if (first == u"n")
            return ReplyKind::Cancel;
        if (first == u"r")
            return ReplyKind::Reschedule;
        return ReplyKind::FreeText;
    }

    if (first == u"no" && words.size() > 1 &&
        isOneOf(words.at(1), {u"problem", u"problems", u"prob", u"probs", u"worries", u"worry"}))
        return ReplyKind::FreeText;

    std::optional<ReplyKind> answer = answerOfFirstWord(first);
    for (qsizetype i = 1; i < words.size(); ++i) {
        const std::optional<ReplyKind> other = answerOfWord(words.at(i));
        if (!other)
            continue;
        if (answer && *answer != *other)
            return ReplyKind::FreeText; // two answers at once: a person decides
        answer = other;
    }
    return answer.value_or(ReplyKind::FreeText);
}

QString replyKindName(ReplyKind kind)
{
    switch (kind) {
    case ReplyKind::Confirm:
        return u"confirm"_s;
    case ReplyKind::Cancel:
        return u"cancel"_s;
    case ReplyKind::Reschedule:
        return u"reschedule"_s;
    case ReplyKind::OptOut:
        return u"opt_out"_s;
    case ReplyKind::OptIn:
        return u"opt_in"_s;
    case ReplyKind::Help:
        return u"help"_s;
    case ReplyKind::FreeText:
        break;
    }
    return u"free_text"_s;
}

} // namespace vox::sms
