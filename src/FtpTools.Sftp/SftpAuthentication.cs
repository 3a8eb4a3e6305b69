using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FtpTools.Engine.Sftp;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace FtpTools.Sftp
{
    /// <summary>
    /// The authentication methods for one connection, in the order they are offered: the private keys (public-key), the
    /// password, then keyboard-interactive answering the password (servers that only take passwords through PAM prompts).
    /// Remembers which method completed, for the session facts.
    /// </summary>
    internal sealed class SftpAuthentication : IDisposable
    {
        private readonly List<AuthenticationMethod> methods = new List<AuthenticationMethod>();
        private readonly List<PrivateKeyFile> keys = new List<PrivateKeyFile>();
        private readonly List<string> keyNames = new List<string>();
        private readonly SftpTrace trace;

        private SftpAuthentication(SftpTrace trace)
        {
            this.trace = trace;
        }

        public AuthenticationMethod[] Methods => methods.ToArray();

        /// <summary>publickey, password or keyboard-interactive; null until one succeeded.</summary>
        public string? Succeeded { get; private set; }

        /// <summary>What the server said it accepts, as of the last attempt.</summary>
        public IEnumerable<string> ServerAllows => methods.SelectMany(method => method.AllowedAuthentications ?? Array.Empty<string>()).Distinct();

        /// <summary>For messages: "publickey (id_ed25519), password, keyboard-interactive"; key file names, never their contents.</summary>
        public string Offered => string.Join(", ", methods.Select(method => method.Name + (method is TracedPrivateKeyMethod ? " (" + string.Join(", ", keyNames) + ")" : string.Empty)));

        /// <summary>Reads the key files. Throws ArgumentException for a missing file, SftpAuthenticationException for one that cannot be used.</summary>
        public static SftpAuthentication Create(SftpConnectionOptions options, SftpTrace trace)
        {
            var authentication = new SftpAuthentication(trace);
            try
            {
                foreach (var keyFile in options.PrivateKeyFiles) authentication.keys.Add(ReadKey(keyFile));
                authentication.keyNames.AddRange(options.PrivateKeyFiles.Select(key => Path.GetFileName(key.Path)));
                if (authentication.keys.Count > 0)
                    authentication.methods.Add(new TracedPrivateKeyMethod(options.UserName, authentication.keys.ToArray(), authentication.Record));
                var password = SecureText.Reveal(options.Password);
                if (password != null)
                {
                    authentication.methods.Add(new TracedPasswordMethod(options.UserName, password, authentication.Record));
                    authentication.methods.Add(new PasswordPromptMethod(options.UserName, password, authentication.Record));
                }

                return authentication;
            }
            catch
            {
                authentication.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var method in methods) method.Dispose();
            foreach (var key in keys) key.Dispose();
        }

        private void Record(string method, AuthenticationResult result)
        {
            trace.Info("Authentication " + method + ": " + (result == AuthenticationResult.Success ? "accepted" : result == AuthenticationResult.PartialSuccess ? "accepted, the server wants another method too" : "refused"));
            if (result == AuthenticationResult.Success) Succeeded = method;
        }

        private static PrivateKeyFile ReadKey(SftpPrivateKeyFile keyFile)
        {
            if (!File.Exists(keyFile.Path)) throw new ArgumentException("The key file " + keyFile.Path + " does not exist.", nameof(SftpConnectionOptions.PrivateKeyFiles));
            var passphrase = SecureText.Reveal(keyFile.Passphrase);
            try
            {
                return passphrase is null ? new PrivateKeyFile(keyFile.Path) : new PrivateKeyFile(keyFile.Path, passphrase);
            }
            catch (SshPassPhraseNullOrEmptyException exception)
            {
                throw new SftpAuthenticationException("The key file " + keyFile.Path + " is encrypted: give its passphrase with -KeyPassphrase.", exception);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                var hint = passphrase is null ? string.Empty : " (a wrong passphrase shows this way too)";
                throw new SftpAuthenticationException("The key file " + keyFile.Path + " could not be used" + hint + ": " + exception.Message, exception);
            }
        }

        private sealed class TracedPrivateKeyMethod : PrivateKeyAuthenticationMethod
        {
            private readonly Action<string, AuthenticationResult> record;

            public TracedPrivateKeyMethod(string userName, IPrivateKeySource[] keys, Action<string, AuthenticationResult> record)
                : base(userName, keys)
            {
                this.record = record;
            }

            public override AuthenticationResult Authenticate(Session session)
            {
                var result = base.Authenticate(session);
                record(Name, result);
                return result;
            }
        }

        private sealed class TracedPasswordMethod : PasswordAuthenticationMethod
        {
            private readonly Action<string, AuthenticationResult> record;

            public TracedPasswordMethod(string userName, string password, Action<string, AuthenticationResult> record)
                : base(userName, password)
            {
                this.record = record;
            }

            public override AuthenticationResult Authenticate(Session session)
            {
                var result = base.Authenticate(session);
                record(Name, result);
                return result;
            }
        }

        /// <summary>Keyboard-interactive: every hidden prompt gets the password, every echoed one the user name; there is never a person to ask.</summary>
        private sealed class PasswordPromptMethod : KeyboardInteractiveAuthenticationMethod
        {
            private readonly Action<string, AuthenticationResult> record;

            public PasswordPromptMethod(string userName, string password, Action<string, AuthenticationResult> record)
                : base(userName)
            {
                this.record = record;
                AuthenticationPrompt += (sender, e) =>
                {
                    foreach (var prompt in e.Prompts) prompt.Response = prompt.IsEchoed ? userName : password;
                };
            }

            public override AuthenticationResult Authenticate(Session session)
            {
                var result = base.Authenticate(session);
                record(Name, result);
                return result;
            }
        }
    }
}
