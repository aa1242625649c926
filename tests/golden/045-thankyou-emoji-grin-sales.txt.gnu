corpus/045-thankyou-emoji-grin-sales.txt:3:118: warning: ':D' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
# exit 0
