RUN <<EOF \
# <- keyword
#   ^ operator
#     ^ label
#         ^ punctuation.special
  | tr a-z A-Z
echo hello
EOF
# <- label
COPY <<-"CONF" /etc/app.conf \
# <- keyword
#    ^ operator
#       ^ label
#              ^ string.special.path
  # the body follows the logical line
key=value
	CONF
#^ label
FROM a
# <- keyword
