corpus/038-thankyou-exclaim-run-designer.txt:3:36: warning: '!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
corpus/038-thankyou-exclaim-run-designer.txt:5:26: warning: '!!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 0
