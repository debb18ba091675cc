#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace vox {

// A problem a caller must look at, carrying a sentence a user can read.
struct Error
{
    QString message;
    // A machine-readable kind where callers branch on it (e.g. a PostgreSQL SQLSTATE).
    QString code = {};
    // What the problem is about, where callers need it: a field name, a constraint name.
    QString subject = {};
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

inline Error fail(QString message, QString code = {}, QString subject = {})
{
    return Error{std::move(message), std::move(code), std::move(subject)};
}

} // namespace vox
