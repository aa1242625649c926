corpus/041-thankyou-emoji-smiley-marketing.txt:3:39: warning: '😊' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
corpus/041-thankyou-emoji-smiley-marketing.txt:5:43: warning: ':)' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
# exit 0
