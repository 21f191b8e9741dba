import email, email.policy, sys
for f in sys.argv[1:]:
    m = email.message_from_bytes(open(f,'rb').read(), policy=email.policy.default)
    print("=====", f)
    for k in ("From","To","Subject","Date","Message-ID","In-Reply-To","Content-Type"):
        print(k+":", m.get(k))
    for part in m.walk():
        if part.get_content_maintype()=="text":
            print("---", part.get_content_type(), part.get_param("format"), part.get_param("delsp"), part.get_content_charset())
            c = part.get_content()
            print(c[:int(sys.argv[0] and 2500)] if part.get_content_type()=="text/plain" else c[:600])
