#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace vox {

// What kind of problem an error is, for callers that branch on it and for the HTTP edge, which
// answers each kind with one status (in brackets). A database error says which in
// Error::sqlstate instead; its kind stays Unspecified.
enum class ErrorKind {
    Unspecified,      // nobody branches on it (500 at the HTTP edge unless the SQLSTATE says more)
    BadInput,         // the request itself is wrong (400); subject names the field
    NotSignedIn,      // no valid session (401)
    Forbidden,        // signed in, but not allowed (403)
    NotFound,         // nothing by that name here (404)
    Conflict,         // the current state does not allow it (409)
    Gone,             // it was here and is not any more, e.g. an expired link (410)
    TooLarge,         // the body is larger than allowed (413)
    UnsupportedMedia, // the body is not in a format this accepts (415)
    Refused,          // understood, but the rules refuse it (422); subject names the field
    RateLimited,      // too many requests (429); subject holds the seconds to wait
    ProviderFailed,   // a provider refused or did not answer (502); subject: its HTTP status
    Unavailable,      // not possible right now: not configured, or busy (503)
};

// Whether the kind is the asker's to fix (a 4xx at the HTTP edge) rather than a failure here, at
// the database or at a provider.
constexpr bool isRequestProblem(ErrorKind kind)
{
    return kind != ErrorKind::Unspecified && kind != ErrorKind::ProviderFailed &&
           kind != ErrorKind::Unavailable;
}

// A problem a caller must look at, carrying a sentence a user can read.
struct Error
{
    QString message;
    ErrorKind kind = ErrorKind::Unspecified;
    // What the problem is about, where callers need it: a field name, a constraint name, the
    // status a provider answered.
    QString subject = {};
    // The SQLSTATE when PostgreSQL reported the error; empty otherwise.
    QString sqlstate = {};
    // A word of the domain for callers that branch on more than the kind: Google's
    // "invalid_grant", a session that expired rather than one that is forged, the console's
    // "network". Never an HTTP status or a SQLSTATE.
    QString code = {};

    // The same error, with a word of the domain for callers that branch on it.
    Error withCode(QString word) &&
    {
        code = std::move(word);
        return std::move(*this);
    }
};

// The value of an operation that can fail: either a T or an Error. C++20 has no std::expected,
// so this is the small stand-in that every layer uses.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    const T &operator*() const & { return std::get<T>(m_state); }

    const Error &error() const { return std::get<Error>(m_state); }
    const QString &errorMessage() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    const QString &errorMessage() const { return m_error.message; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error fail(QString message, ErrorKind kind = ErrorKind::Unspecified, QString subject = {})
{
    return Error{std::move(message), kind, std::move(subject)};
}

} // namespace vox
