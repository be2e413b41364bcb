RUN <<EOF \
# <- keyword
#   ^ operator
#     ^ label
#         ^ punctuation.special
  | tr a-z A-Z
echo hello
EOF
# <- label
COPY <<-"CONF" \
# <- keyword
#    ^ operator
#       ^ label
  /etc/app.conf
# ^ string.special.path
key=value
	CONF
#^ label
FROM a
# <- keyword
